package org.frontdoor.channels.email.inbound;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationResultsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					mx.city.example; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org; dmarc=pass (p=reject) | pass | pass | pass | PASS
					mx.city.example; spf=fail smtp.mailfrom=example.org; dkim=none; dmarc=fail (p=quarantine)               | fail | none | fail | FAIL
					mx.city.example; spf=softfail (sender not permitted) smtp.mailfrom=x.org; dkim=fail                       | softfail | fail | '' | FAIL
					mx.city.example; spf=softfail smtp.mailfrom=x.org; dkim=pass header.d=x.org                               | softfail | pass | '' | PASS
					mx.city.example; dkim=fail header.d=x.org; dkim=pass header.d=y.org                                       | '' | pass | '' | PASS
					mx.city.example; spf=neutral smtp.mailfrom=x.org                                                          | neutral | '' | '' | UNKNOWN
					mx.city.example; none                                                                                      | '' | '' | '' | UNKNOWN
					mx.city.example 1; spf=pass (a comment; with a semicolon) smtp.mailfrom="a;b"@x.org; dmarc=none            | pass | '' | none | PASS
					""")
	void verdictsAreParsed(String header, String spf, String dkim, String dmarc,
			AuthenticationResults.Verdict verdict) {
		AuthenticationResults.Evaluation evaluation = AuthenticationResults.evaluate(List.of(header),
				Set.of("mx.city.example"));
		assertThat(evaluation.trusted()).isTrue();
		assertThat(evaluation.authservId()).isEqualTo("mx.city.example");
		assertThat(evaluation.results().getOrDefault("spf", "")).isEqualTo(spf);
		assertThat(evaluation.results().getOrDefault("dkim", "")).isEqualTo(dkim);
		assertThat(evaluation.results().getOrDefault("dmarc", "")).isEqualTo(dmarc);
		assertThat(evaluation.verdict()).isEqualTo(verdict);
	}

	@Test
	void aForgedHeaderBelowOrWithAnotherIdIsNotTrusted() {
		List<String> headers = List.of("mx.city.example; spf=fail smtp.mailfrom=x.org; dmarc=fail",
				"forged.example; spf=pass; dkim=pass; dmarc=pass");
		AuthenticationResults.Evaluation evaluation = AuthenticationResults.evaluate(headers,
				Set.of("mx.city.example"));
		assertThat(evaluation.verdict()).isEqualTo(AuthenticationResults.Verdict.FAIL);

		AuthenticationResults.Evaluation onlyForged = AuthenticationResults
			.evaluate(List.of("forged.example; dmarc=pass"), Set.of("mx.city.example"));
		assertThat(onlyForged.verdict()).isEqualTo(AuthenticationResults.Verdict.UNKNOWN);
		assertThat(onlyForged.trusted()).isFalse();
	}

	@Test
	void withoutATrustedListTheTopmostHeaderIsUsedUntrusted() {
		AuthenticationResults.Evaluation evaluation = AuthenticationResults
			.evaluate(List.of("spf=none (sender IP is ) smtp.mailfrom=<>;", "mx.other.example; spf=pass"), Set.of());
		assertThat(evaluation.trusted()).isFalse();
		assertThat(evaluation.authservId()).isNull();
		assertThat(evaluation.results()).containsEntry("spf", "none");
		assertThat(evaluation.verdict()).isEqualTo(AuthenticationResults.Verdict.UNKNOWN);
	}

}
