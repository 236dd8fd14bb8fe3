package org.frontdoor.channels.email.inbound;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quote, signature and forward stripping on layouts the fixtures do not cover: other
 * languages (Spanish first), mobile taglines, and what must be kept.
 */
class ReplyStripperTest {

	static Stream<Arguments> replies() {
		return Stream.of(Arguments.of("Spanish Gmail", """
				Hay un bache enorme en la calle Mayor 12.

				El mar, 3 nov 2026 a las 10:00, Ayuntamiento <311@city.example> escribió:
				> Gracias por su reporte.
				""", "Hay un bache enorme en la calle Mayor 12."),
				Arguments.of("Spanish Gmail wrapped over two lines", """
						Sigue sin arreglar.

						El mar, 3 nov 2026 a las 10:00, Ayuntamiento de la Ciudad <
						311@city.example> escribió:

						> Su solicitud #101 fue cerrada.
						""", "Sigue sin arreglar."), Arguments.of("Spanish Outlook header block", """
						La farola sigue apagada.

						De: Ayuntamiento <311@city.example>
						Enviado: martes, 3 de noviembre de 2026 10:00
						Para: Vecino <vecino@example.org>
						Asunto: Su reporte
						""", "La farola sigue apagada."), Arguments.of("Spanish original message separator", """
						Gracias.

						-----Mensaje original-----
						De: Ayuntamiento
						""", "Gracias."), Arguments.of("Spanish iPhone tagline", """
						Árbol caído en la avenida Roble.

						Enviado desde mi iPhone
						""", "Árbol caído en la avenida Roble."), Arguments.of("Android tagline", """
						Graffiti on the library wall.

						Sent from my Samsung Galaxy smartphone.
						""", "Graffiti on the library wall."), Arguments.of("Yahoo mobile tagline", """
						Streetlight out at Elm and 5th.

						Sent from Yahoo Mail on Android
						""", "Streetlight out at Elm and 5th."), Arguments.of("French attribution", """
						Le trottoir est cassé.

						Le mar. 3 nov. 2026 à 10:00, Mairie <311@city.example> a écrit :
						> Merci.
						""", "Le trottoir est cassé."), Arguments.of("German attribution", """
						Die Laterne ist kaputt.

						Am 03.11.2026 um 10:00 schrieb Stadt <311@city.example>:
						> Danke.
						""", "Die Laterne ist kaputt."), Arguments.of("RFC 3676 signature", """
						Pothole in front of 22 Oak Ave.

						--\s
						Jane Resident
						555-0123
						""", "Pothole in front of 22 Oak Ave."),
				Arguments.of("a sentence starting like a tagline is kept", """
						Sent from the corner of 5th and Main: the traffic light is dark.
						""", "Sent from the corner of 5th and Main: the traffic light is dark."),
				Arguments.of("a long dash rule inside the text is kept when no header follows", """
						Two problems:
						------------------------------
						1. pothole
						2. broken bench
						""", "Two problems:\n------------------------------\n1. pothole\n2. broken bench"),
				Arguments.of("a mid-text double dash with a long text after it is kept", """
						Intro
						--
						1
						2
						3
						4
						5
						6
						7
						8
						9
						10
						11
						12
						13
						""", "Intro\n--\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13"),
				Arguments.of("interleaved answers keep the resident's lines", """
						On Tue, Nov 3, 2026 at 10:00 AM City 311 <311@city.example> wrote:
						> Where exactly is it?
						In front of 12 Elm St.
						> Is it blocking traffic?
						Yes, one lane.
						""", "In front of 12 Elm St.\n\nYes, one lane."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replies")
	void keepsOnlyWhatTheResidentWrote(String name, String body, String expected) {
		assertThat(ReplyStripper.strip(body, "Re: report", false).text()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forwards")
	void forwardsWithNothingAddedUseTheForwardedText(String name, String subject, String body, String expected,
			String forwardedText) {
		ReplyStripper.Result result = ReplyStripper.strip(body, subject, false);
		assertThat(result.forwarded()).isTrue();
		assertThat(result.text()).isEqualTo(expected);
		assertThat(result.forwardedText()).isEqualTo(forwardedText);
	}

	static Stream<Arguments> forwards() {
		return Stream.of(Arguments.of("Spanish Gmail forward, nothing added", "RV: bache", """
				---------- Mensaje reenviado ---------
				De: Vecina <vecina@example.org>
				Date: mar, 3 nov 2026 a las 9:00
				Subject: bache
				To: <yo@example.org>

				Hay un bache en la calle Mayor.
				""", "Hay un bache en la calle Mayor.", null),
				Arguments.of("Outlook forward with a note", "FW: streetlight", """
						Please look at this, it is still broken.

						From: Neighbor <neighbor@example.org>
						Sent: Monday, November 2, 2026 8:00 PM
						To: Me <me@example.org>
						Subject: streetlight

						The streetlight at Elm and 5th has been out for a week.
						""", "Please look at this, it is still broken.",
						"The streetlight at Elm and 5th has been out for a week."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repliesToFrontDoor")
	void anEmptyReplyToFrontDoorNeverFeedsOurOwnWordsBack(String name, String body) {
		ReplyStripper.Result toUs = ReplyStripper.strip(body, "Re: Your report", true);
		assertThat(toUs.text()).isEmpty();
		assertThat(toUs.quoteRemoved()).isTrue();
		ReplyStripper.Result toSomeoneElse = ReplyStripper.strip(body, "Re: Your report", false);
		assertThat(toSomeoneElse.text()).contains("We filed request #101");
	}

	static Stream<Arguments> repliesToFrontDoor() {
		return Stream.of(Arguments.of("Outlook header block", """
				From: City 311 <311@city.example>
				Sent: Tuesday, November 3, 2026 10:00 AM
				To: Resident <resident@example.org>
				Subject: Your report

				We filed request #101.
				"""), Arguments.of("Outlook for Mac attribution with indented quote", """
				On 03/11/2026 10:00, "City 311" <311@city.example> wrote:

				    We filed request #101.
				"""));
	}

}
