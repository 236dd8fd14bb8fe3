package org.frontdoor.channels.core;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RandomIdsTest {

	@Test
	void urlSafeIdsHaveTheLengthOfTheirBytesAndOnlyUrlCharacters() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2_000; i++) {
			String id = RandomIds.urlSafe(32);
			assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+");
			seen.add(id);
		}
		assertThat(seen).as("no repeats among 2,000 ids of 256 bits").hasSize(2_000);
		assertThat(RandomIds.urlSafe(18)).hasSize(24);
	}

	@Test
	void hexIdsAreLowerCaseDigits() {
		String id = RandomIds.hex(16);
		assertThat(id).hasSize(32).matches("[0-9a-f]+");
		assertThat(RandomIds.hex(16)).isNotEqualTo(id);
	}

	@Test
	void atLeastOneByte() {
		assertThatIllegalArgumentException().isThrownBy(() -> RandomIds.urlSafe(0));
		assertThatIllegalArgumentException().isThrownBy(() -> RandomIds.hex(-1));
	}

}
