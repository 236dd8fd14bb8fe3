package org.frontdoor.gateway.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact details on the staff pages are masked.
 */
class SandboxPiiMaskTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "+16175550123|+•••••••••23", "(617) 555-0123|(•••) •••-••23", "12|12", "null|null" })
	void phone(String phone, String masked) {
		assertThat(PiiMask.phone(phone)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "jane.doe@example.com|j•••@example.com", "j@x.org|j•••@x.org", "no-at-sign|•••", "null|null" })
	void email(String email, String masked) {
		assertThat(PiiMask.email(email)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "Jane|Doe|J. D.", "José|null|J.", "null|Ñúñez|Ñ.", "null|null|null", "' '|' '|null" })
	void initials(String first, String last, String masked) {
		assertThat(PiiMask.initials(first, last)).isEqualTo(masked);
	}

}
