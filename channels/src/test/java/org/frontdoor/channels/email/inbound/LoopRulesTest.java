package org.frontdoor.channels.email.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop rules on header variants (RFC 3834 and what real auto-responders send). The
 * real bounces, read receipts and list mail are in {@code expectations.csv}.
 */
class LoopRulesTest {

	private final EmailParser parser = new EmailParser(EmailParser.Limits.defaults(1_000_000, 10_000_000));

	private final LoopRules rules = new LoopRules("311@city.example", Set.of("reports@city.example"));

	@ParameterizedTest(name = "{0} → {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					plain resident mail              | From: r@example.org                                                  | process
					Auto-Submitted auto-replied      | From: r@example.org\\nAuto-Submitted: auto-replied                   | auto-submitted
					Auto-Submitted auto-generated    | From: r@example.org\\nAuto-Submitted: auto-generated (vacation)      | auto-submitted
					Auto-Submitted auto-notified     | From: r@example.org\\nAuto-Submitted: auto-notified                  | auto-submitted
					Auto-Submitted no                | From: r@example.org\\nAuto-Submitted: no                             | process
					Auto-Submitted No with comment   | From: r@example.org\\nAuto-Submitted: No (a person wrote this)       | process
					X-Autoreply                      | From: r@example.org\\nX-Autoreply: yes                               | auto-reply
					X-Autorespond                    | From: r@example.org\\nX-Autorespond: vacation                        | auto-reply
					X-Auto-Response-Suppress All     | From: r@example.org\\nX-Auto-Response-Suppress: All                  | auto-reply
					X-Auto-Response-Suppress OOF     | From: r@example.org\\nX-Auto-Response-Suppress: DR, OOF, AutoReply   | auto-reply
					Precedence auto_reply            | From: r@example.org\\nPrecedence: auto_reply                         | auto-reply
					Precedence bulk                  | From: r@example.org\\nPrecedence: bulk                               | list
					Precedence list                  | From: r@example.org\\nPrecedence: list                               | list
					Precedence junk                  | From: r@example.org\\nPrecedence: junk                               | list
					List-Id                          | From: r@example.org\\nList-Id: <neighbors.example.org>               | list
					List-Unsubscribe                 | From: r@example.org\\nList-Unsubscribe: <mailto:u@example.org>       | list
					null Return-Path                 | From: r@example.org\\nReturn-Path: <>                                | null-return-path
					X-Failed-Recipients              | From: r@example.org\\nX-Failed-Recipients: a@example.org             | bounce
					DSN content type                 | From: r@example.org\\nContent-Type: multipart/report; report-type=delivery-status; boundary=b | bounce
					MDN content type                 | From: r@example.org\\nContent-Type: multipart/report; report-type="disposition-notification"; boundary=b | read-receipt
					ARF report                       | From: r@example.org\\nContent-Type: multipart/report; report-type=feedback-report; boundary=b | feedback-report
					MAILER-DAEMON                    | From: MAILER-DAEMON@mx.example.org                                   | system-sender
					postmaster                       | From: Mail System <postmaster@example.org>                           | system-sender
					noreply                          | From: no-reply@example.org                                           | system-sender
					noreply with tag                 | From: noreply+abc@example.org                                        | system-sender
					donotreply                       | From: DoNotReply@example.org                                         | system-sender
					own address                      | From: City 311 <311@CITY.example>                                    | own-address
					alias                            | From: reports@city.example                                           | own-address
					X-Loop                           | From: r@example.org\\nX-Loop: 311@city.example                       | loop
					Exchange out of office           | From: r@example.org\\nSubject: Automatic reply: pothole              | out-of-office
					Spanish out of office            | From: r@example.org\\nSubject: Respuesta automática: bache           | out-of-office
					German out of office             | From: r@example.org\\nSubject: Abwesenheitsnotiz: Laterne            | out-of-office
					a subject that mentions auto     | From: r@example.org\\nSubject: Auto: abandoned car on 5th            | process
					no sender                        | To: 311@city.example                                                 | no-sender
					""")
	void rulesApplyInOrder(String name, String headers, String expected) {
		String raw = headers.replace("\\n", "\r\n") + "\r\nMessage-ID: <t@example.org>\r\n\r\nbody\r\n";
		ParsedEmail email = this.parser.parse(raw.getBytes(StandardCharsets.UTF_8)).email();
		EmailDecision decision = this.rules.classify(email);
		String actual = (decision.action() == EmailDecision.Action.PROCESS) ? "process" : decision.reason().code();
		assertThat(actual).isEqualTo(expected);
	}

}
