package org.frontdoor.gateway.conversation;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The intake dialog over SMS, message by message: the questions FrontDoor asks, in which
 * order and language, and what it files in the end.
 */
class DialogFlowTest extends IntakeTestSupport {

	@Autowired
	ConversationSweeper sweeper;

	@Test
	void aDialogNeedingAMenuAnswerALocationAndAnAttribute() {
		String phone = newNumber();
		// "trash pickup" is a close call for the built-in classifier (missed pickup
		// first,
		// below the auto threshold), so the engine must offer a menu
		text(phone, "trash pickup");
		String menu = reply(phone, 1);
		assertThat(menu).startsWith("Which of these is it? Reply with a number:")
			.contains("1) Missed Trash/Recycling")
			.contains("0) Something else");

		text(phone, "1");
		assertThat(reply(phone, 2)).startsWith("Got it: Missed Trash/Recycling/Compost Pickup. Where is it?");

		text(phone, "12 Norfolk St");
		assertThat(reply(phone, 3)).startsWith("What was not picked up?")
			.contains("Reply with one or more numbers")
			.contains("1) ")
			.contains("2) ");

		text(phone, "7");
		assertThat(reply(phone, 4)).startsWith("Sorry");

		text(phone, "1 2");
		String id = requestId(reply(phone, 5));
		JsonNode request = request(id);
		assertThat(request.path("service_code").asString()).isEqualTo("missed-pickup");
		assertThat(request.path("address").asString()).contains("Norfolk");
		assertThat(this.jdbc
			.sql("""
					select value from sandbox_request_attribute where request_id = :id and code = 'streams' order by position
					""")
			.param("id", Long.parseLong(id))
			.query(String.class)
			.list()).containsExactly("trash", "recycling");
	}

	@Test
	void aSpanishDialogIsAnsweredInSpanish() {
		String phone = newNumber();
		text(phone, "hay un animal muerto en la calle");
		assertThat(reply(phone, 1)).startsWith("Entendido: Roadkill / Dead Animal. ¿Dónde está?");

		text(phone, "Hampshire St y Broadway");
		assertThat(reply(phone, 2)).contains("Responda con un número:");

		text(phone, "2");
		String confirmation = reply(phone, 3);
		assertThat(confirmation).contains("su reporte").contains("ya fue registrado con el #");
		String id = requestId(confirmation);
		assertThat(request(id).path("service_code").asString()).isEqualTo("dead-animal");
		assertThat(
				this.jdbc.sql("select value from sandbox_request_attribute where request_id = :id and code = 'animal'")
					.param("id", Long.parseLong(id))
					.query(String.class)
					.single())
			.isEqualTo("medium");
	}

	@Test
	void anUncertainPlaceIsConfirmedAndAPlaceOutsideTheCityIsRefused() {
		String phone = newNumber();
		text(phone, "streetlight out at 12 prospect st boston");
		assertThat(reply(phone, 1)).contains("outside Cambridge");

		text(phone, "10 elm st");
		assertThat(reply(phone, 2)).isEqualTo("Did you mean 14 Elm St? Reply YES, or send a better location.");

		text(phone, "yes");
		String id = requestId(reply(phone, 3));
		JsonNode request = request(id);
		assertThat(request.path("service_code").asString()).isEqualTo("streetlight");
		assertThat(request.path("address").asString()).isEqualTo("14 Elm St");
	}

	@Test
	void langSwitchesTheLanguageAndAsksThePendingQuestionAgain() {
		String phone = newNumber();
		text(phone, "pothole");
		assertThat(reply(phone, 1)).startsWith("Got it: Pothole. Where is it?");

		text(phone, "LANG ES");
		assertThat(reply(phone, 2)).startsWith("Listo, a partir de ahora le escribiremos en español.");
		assertThat(reply(phone, 3)).startsWith("Entendido: Pothole. ¿Dónde está?");

		text(phone, "harvard square");
		assertThat(reply(phone, 4)).contains("ya fue registrado con el #");

		text(phone, "LANG EN");
		assertThat(reply(phone, 5)).startsWith("OK, we'll write to you in English from now on.");
	}

	@Test
	void statusAnswersForOneRequestOrAllOfTheResidents() {
		String phone = newNumber();
		text(phone, "STATUS");
		assertThat(reply(phone, 1)).startsWith("You have no open reports with us.");

		text(phone, "pothole at 200 broadway");
		String id = requestId(reply(phone, 2));

		text(phone, "STATUS " + id);
		assertThat(reply(phone, 3)).startsWith("Report #" + id + " (Pothole)").contains(": open.");

		text(phone, "status");
		assertThat(reply(phone, 4)).startsWith("Your open reports:").contains("#" + id + " Pothole: open");

		text(phone, "STATUS 99999999");
		assertThat(reply(phone, 5)).startsWith("Sorry, we couldn't find report #99999999.");

		text(phone, "HELP");
		assertThat(reply(phone, 6)).startsWith("Cambridge 311: text what's wrong and where").contains("STOP");

		// right after the city closed it, a bare STATUS still answers about it
		staffSets(id, "closed", "Filled by DPW crew 4");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "closed"
				.equals(this.jdbc.sql("select status from service_request_link where service_request_id = :id")
					.param("id", id)
					.query(String.class)
					.optional()
					.orElse(null)));
		text(phone, "STATUS");
		// (the status update itself may come before or after this answer, or wait for the
		// end of quiet hours)
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(twilio.bodiesTo(phone))
				.anySatisfy((body) -> assertThat(body).startsWith("Report #" + id + " (Pothole)")
					.contains("closed")
					.contains("Filled by DPW crew 4")));
	}

	@Test
	void adminsSeeTheConversationWithItsTranscriptMasked() {
		String phone = newNumber();
		text(phone, "pothole, call me at 617-555-0199");
		assertThat(reply(phone, 1)).startsWith("Got it: Pothole. Where is it?");
		String auth = java.util.Base64.getEncoder()
			.encodeToString("admin:admin-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		java.net.http.HttpResponse<String> list = send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + PORT + "/admin/conversations?phase=open&limit=500"))
			.header("Authorization", "Basic " + auth)
			.build());
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode mine = null;
		for (JsonNode conversation : JSON.readTree(list.body())) {
			if (conversation.path("resident").asString().endsWith(phone.substring(phone.length() - 2))
					&& "pothole".equals(conversation.path("serviceCode").asString())
					&& "LOCATION".equals(conversation.path("pending").asString())) {
				mine = conversation;
			}
		}
		assertThat(mine).as("the conversation in " + list.body()).isNotNull();
		assertThat(list.body()).doesNotContain(phone.substring(2));
		java.net.http.HttpResponse<String> detail = send(java.net.http.HttpRequest
			.newBuilder(java.net.URI
				.create("http://localhost:" + PORT + "/admin/conversations/" + mine.path("id").asString()))
			.header("Authorization", "Basic " + auth)
			.build());
		JsonNode shown = JSON.readTree(detail.body());
		assertThat(shown.path("report").path("serviceCode").asString()).isEqualTo("pothole");
		assertThat(shown.path("transcript").get(0).path("direction").asString()).isEqualTo("IN");
		assertThat(shown.path("transcript").get(0).path("text").asString()).startsWith("pothole, call me at")
			.doesNotContain("555-0199");
		assertThat(shown.path("transcript").get(1).path("templateKey").asString()).isEqualTo("ask-location");
		assertThat(send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + PORT + "/admin/conversations"))
			.build()).statusCode()).isEqualTo(401);
	}

	@Test
	void anUnansweredConversationExpiresKeepsWhatWasCollectedAndSaysSoOnce() {
		String phone = newNumber();
		text(phone, "trash pickup");
		assertThat(reply(phone, 1)).startsWith("Which of these is it?");

		this.clock.advance(Duration.ofHours(25));
		assertThat(this.sweeper.sweep()).isGreaterThanOrEqualTo(1);
		this.sweeper.sweep();
		assertThat(reply(phone, 2)).startsWith("We didn't hear back for 24 hours, so we closed your unfinished report");
		List<String> phases = this.jdbc
			.sql("select phase from conversation where address = :address and state::text like '%trash pickup%'")
			.param("address", "tel:" + phone)
			.query(String.class)
			.list();
		assertThat(phases).containsExactly("EXPIRED");

		text(phone, "1");
		assertThat(reply(phone, 3)).as("a menu number without a question gets help")
			.startsWith("Cambridge 311: text what's wrong and where");
		assertThat(twilio.sentTo(phone)).hasSize(3);
	}

}
