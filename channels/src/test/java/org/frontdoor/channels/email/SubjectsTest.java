package org.frontdoor.channels.email;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Re: Pothole on Elm St                  | Pothole on Elm St
			RE: Re: re:Pothole                     | Pothole
			Fwd: FW: Streetlight                   | Streetlight
			RV: Bache en la calle                  | Bache en la calle
			AW: WG: Laterne kaputt                 | Laterne kaputt
			Re[2]: Noise                           | Noise
			Re(3): Noise                           | Noise
			[city-list] Re: Trash                  | Trash
			SV: VS: Hål i vägen                    | Hål i vägen
			Réponse: not a prefix                  | Réponse: not a prefix
			Regarding the bench                    | Regarding the bench
			I: need help                           | I: need help
			''                                     | ''
			""")
	void prefixesAreRemovedForAnalysis(String subject, String normalized) {
		assertThat(Subjects.normalize(subject)).isEqualTo(normalized);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Pothole on Elm St          | Re: Pothole on Elm St
			Re: Pothole on Elm St      | Re: Pothole on Elm St
			RE: Re: RV: Pothole        | Re: Pothole
			''                         | Your report to the city
			""")
	void repliesCarryExactlyOneRe(String original, String reply) {
		assertThat(Subjects.reply(original, "Your report to the city")).isEqualTo(reply);
	}

}
