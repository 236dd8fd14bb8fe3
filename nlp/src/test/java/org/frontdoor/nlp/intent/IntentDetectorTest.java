package org.frontdoor.nlp.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntentDetectorTest {

	private final IntentDetector detector = IntentDetector.standard();

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1} {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			STOP                                   | STOP    | null
			stop                                   | STOP    | null
			Stop.                                  | STOP    | null
			please stop texting me                 | STOP    | null
			STOPALL                                | STOP    | null
			UNSUBSCRIBE                            | STOP    | null
			quit                                   | STOP    | null
			BAJA                                   | STOP    | null
			darme de baja por favor                | STOP    | null
			no mas mensajes                        | STOP    | null
			START                                  | START   | null
			unstop                                 | START   | null
			ALTA                                   | START   | null
			HELP                                   | HELP    | null
			info                                   | HELP    | null
			AYUDA                                  | HELP    | null
			?                                      | HELP    | null
			STATUS                                 | STATUS  | null
			status 1042                            | STATUS  | 1042
			STATUS #1042                           | STATUS  | 1042
			what is the status of my request 1042  | STATUS  | 1042
			ESTADO 1042                            | STATUS  | 1042
			estado de mi reporte 77                | STATUS  | 77
			CANCEL                                 | CANCEL  | null
			cancelar                               | CANCEL  | null
			never mind                             | CANCEL  | null
			olvídalo                               | CANCEL  | null
			YES                                    | YES     | null
			yes please                             | YES     | null
			Y                                      | YES     | null
			yep                                    | YES     | null
			ok                                     | YES     | null
			SI                                     | YES     | null
			sí                                     | YES     | null
			Sí, claro                              | YES     | null
			correcto                               | YES     | null
			👍                                     | YES     | null
			yes thank you                          | YES     | null
			NO                                     | NO      | null
			no.                                    | NO      | null
			nope                                   | NO      | null
			no thanks                              | NO      | null
			no gracias                             | NO      | null
			1                                      | MENU    | 1
			2.                                     | MENU    | 2
			#3                                     | MENU    | 3
			option 2                               | MENU    | 2
			opción 4                               | MENU    | 4
			LANG ES                                | LANG    | es
			lang en                                | LANG    | en
			español                                | LANG    | es
			en español por favor                   | LANG    | es
			in english please                      | LANG    | en
			thanks!                                | THANKS  | null
			Thank you                              | THANKS  | null
			thx                                    | THANKS  | null
			GRACIAS                                | THANKS  | null
			muchas gracias!!                       | THANKS  | null
			ok thanks                              | THANKS  | null
			stop sign knocked over on elm st       | REPORT  | null
			STOP SIGN DOWN                         | REPORT  | null
			no light on my street                  | REPORT  | null
			no pickup this week                    | REPORT  | null
			help there is a huge pothole           | REPORT  | null
			yes the light is still out             | REPORT  | null
			cancel the trash pickup, the cart is broken | REPORT | null
			hay un bache enorme                    | REPORT  | null
			1042                                   | REPORT  | null
			hi                                     | REPORT  | null
			''                                     | REPORT  | null
			""")
	void detects(String text, Intent intent, String argument) {
		IntentResult result = this.detector.detect(text);
		assertThat(result.intent()).isEqualTo(intent);
		assertThat(result.argument()).isEqualTo(argument);
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" carrier {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			STOP        | OPT_OUT
			cancel      | OPT_OUT
			End         | OPT_OUT
			START       | OPT_IN
			yes         | OPT_IN
			HELP        | HELP
			stop please | null
			no          | null
			baja        | null
			""")
	void flagsCarrierKeywords(String text, IntentResult.CarrierKeyword keyword) {
		assertThat(this.detector.detect(text).carrierKeyword()).isEqualTo(keyword);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			a very long message that mentions stop and yes and no but goes on and on about a pothole on main street
			STOP STOP STOP STOP STOP STOP STOP STOP STOP STOP STOP STOP
			""")
	void longMessagesAreReports(String text) {
		assertThat(this.detector.detect(text).intent()).isEqualTo(Intent.REPORT);
	}

}
