package org.frontdoor.templates.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.frontdoor.templates.MenuOption;
import org.frontdoor.templates.RenderedMessage;
import org.frontdoor.templates.TemplateChannel;
import org.frontdoor.templates.TemplateKey;
import org.frontdoor.templates.Templates;
import org.frontdoor.templates.TemplatesConfig;
import org.frontdoor.templates.sms.SmsLength;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Render costs: a typical SMS, a Spanish menu that must be shortened to fit 3 UCS-2
 * segments, an email (subject, text and HTML), a render while the override directory is
 * checked on every call, and the segment counter alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TemplatesBenchmark {

	private static final Locale ES = Locale.forLanguageTag("es");

	private Templates templates;

	private Templates checkingEveryRender;

	private Path overrideDir;

	private Map<String, Object> submitted;

	private Map<String, Object> longMenu;

	private String spanishText;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		TemplatesConfig config = TemplatesConfig.of("Cambridge", "617-349-4800, cambridgema.gov/311");
		this.templates = new Templates(config);
		this.overrideDir = Files.createTempDirectory("frontdoor-templates-bench");
		for (String key : List.of("help", "submitted", "ask-service", "thanks-reply", "status-reply")) {
			for (String lang : List.of("en", "es")) {
				Path file = this.overrideDir.resolve("sms/" + lang + "/" + key + ".txt.mustache");
				Files.createDirectories(file.getParent());
				Files.writeString(file, "Override {{programName}}\n");
			}
		}
		this.checkingEveryRender = new Templates(
				config.withOverrideDir(this.overrideDir).withCheckInterval(Duration.ZERO));
		this.submitted = Map.of("requestId", "1234567890", "serviceName", "Pothole in Street", "place",
				"Mass Ave & Prospect St", "description", "Huge pothole in the bike lane by the bus stop");
		List<MenuOption> options = new ArrayList<>();
		for (int i = 1; i <= 9; i++) {
			options.add(new MenuOption(i, "Sign - Loading or Standing Zone (New Installation, Amendment, Removal)"));
		}
		this.longMenu = Map.of("options", options);
		this.spanishText = "Cambridge 311: su reporte #1234567890 (Bache en la calle) ya fue registrado. "
				+ "Le avisaremos cuando la ciudad lo actualice. Para consultarlo, responda ESTADO. ¿Dónde está?";
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		try (var files = Files.walk(this.overrideDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

	@Benchmark
	public RenderedMessage smsSubmitted() {
		return this.templates.render(TemplateKey.SUBMITTED, TemplateChannel.SMS, Locale.ENGLISH, this.submitted);
	}

	@Benchmark
	public RenderedMessage smsSpanishMenuShortenedToFit() {
		return this.templates.render(TemplateKey.ASK_SERVICE, TemplateChannel.SMS, ES, this.longMenu);
	}

	@Benchmark
	public RenderedMessage emailSubmitted() {
		return this.templates.render(TemplateKey.SUBMITTED, TemplateChannel.EMAIL, ES, this.submitted);
	}

	@Benchmark
	public RenderedMessage smsWithOverrideDirCheckedEveryRender() {
		return this.checkingEveryRender.render(TemplateKey.SUBMITTED, TemplateChannel.SMS, Locale.ENGLISH,
				this.submitted);
	}

	@Benchmark
	public SmsLength segmentCount() {
		return SmsLength.of(this.spanishText);
	}

}
