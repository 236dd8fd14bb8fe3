package org.frontdoor.channels.sms.twilio.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.frontdoor.channels.sms.twilio.TwilioFixtures;
import org.frontdoor.channels.sms.twilio.TwilioSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of checking {@code X-Twilio-Signature} on a captured MMS webhook (19 parameters)
 * and on a WhatsApp text (11 parameters): a good signature, and a bad one (which costs a
 * second HMAC for the alternative port form). Run by hand, see the README ("SMS, MMS and
 * WhatsApp (Twilio)" → benchmark).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TwilioSignatureBenchmark {

	private static final String URL = TwilioFixtures.PUBLIC_BASE_URL + "/channels/twilio/messages";

	private final TwilioSignature signature = new TwilioSignature(TwilioFixtures.AUTH_TOKEN);

	private Map<String, List<String>> mms;

	private String mmsSignature;

	private Map<String, List<String>> whatsapp;

	private String whatsappSignature;

	@Setup
	public void setUp() {
		this.mms = TwilioFixtures.form("mms_inbound_jpeg_us.form");
		this.mmsSignature = this.signature.sign(URL, this.mms);
		this.whatsapp = TwilioFixtures.form("whatsapp_inbound_text.form");
		this.whatsappSignature = this.signature.sign(URL, this.whatsapp);
	}

	@Benchmark
	public boolean verifyMms() {
		return this.signature.verify(URL, this.mms, this.mmsSignature);
	}

	@Benchmark
	public boolean verifyWhatsappText() {
		return this.signature.verify(URL, this.whatsapp, this.whatsappSignature);
	}

	@Benchmark
	public boolean rejectBadSignature() {
		return this.signature.verify(URL, this.mms, this.whatsappSignature);
	}

}
