package org.frontdoor.gateway.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontdoor.gateway.FrontDoorApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole gateway instances started by a test (restarts, several instances on one
 * database), closed by {@link #closeAll()}.
 */
public final class Gateways {

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	/**
	 * Start a gateway on a random port.
	 * @param properties its properties (as command-line arguments, so they win over
	 * {@code application.yml} and the sandbox profile)
	 * @param extraSources beans to add, e.g. a stand-in {@code InboundMessageHandler}
	 * @return the running gateway
	 */
	public ConfigurableApplicationContext start(Map<String, Object> properties, Class<?>... extraSources) {
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		Class<?>[] sources = new Class<?>[extraSources.length + 1];
		sources[0] = FrontDoorApplication.class;
		System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).run(args);
		this.running.add(context);
		return context;
	}

	/**
	 * Stop one gateway (gracefully, as on SIGTERM).
	 * @param context the gateway
	 */
	public void stop(ConfigurableApplicationContext context) {
		context.close();
		this.running.remove(context);
	}

	/** Stop every gateway still running. */
	public void closeAll() {
		this.running.forEach(ConfigurableApplicationContext::close);
		this.running.clear();
	}

}
