package org.frontdoor.channels.chat;

import jakarta.servlet.MultipartConfigElement;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the chat channel's configuration ({@link ChatProperties}; the application scans
 * only its own packages for properties) and wires the channel's servlet filter in front
 * of its API, the widget's files and the demo page, ahead of Spring Security; checks that
 * the servlet container's multipart limits let the chat's largest photo through
 * ({@link ChatUploadLimits}) and answers the container's multipart refusals as problem
 * details ({@link ChatUploadErrorResolver}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
public class ChatConfiguration {

	/** Before Spring Security's filter chain (-100): refused origins go no further. */
	static final int FILTER_ORDER = -200;

	@Bean
	FilterRegistrationBean<ChatHttpFilter> chatHttpFilter(ChatProperties properties, JsonMapper json,
			ObjectProvider<MultipartConfigElement> multipart) {
		// the container's multipart limits must let the chat's largest photo through
		multipart.ifAvailable((limits) -> ChatUploadLimits.require(properties.maxPhotoSize(), limits));
		FilterRegistrationBean<ChatHttpFilter> registration = new FilterRegistrationBean<>(
				new ChatHttpFilter(properties, json));
		registration.addUrlPatterns("/api/chat/*", "/chat/*", "/chat-demo");
		registration.setName("chatHttpFilter");
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	@Bean
	ChatUploadErrorResolver chatUploadErrorResolver(ChatProperties properties, JsonMapper json) {
		return new ChatUploadErrorResolver(properties, json);
	}

}
