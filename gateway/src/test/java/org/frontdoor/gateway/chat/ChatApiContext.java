package org.frontdoor.gateway.chat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.frontdoor.gateway.testsupport.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The application context the chat API tests share (one context, one database): real HTTP
 * on a random port, PostgreSQL, and small limits so that every limit can be hit cheaply
 * (the servlet container's multipart limits as tight as the chat's photo limit allows:
 * the photo limit, and the photo limit plus 64 KB of fields). Rate-limit windows are an
 * hour long so a test never straddles a window.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.channels.chat.allowed-origins=https://city.example",
				"frontdoor.channels.chat.max-photo-size=256KB", "spring.servlet.multipart.max-file-size=256KB",
				"spring.servlet.multipart.max-request-size=320KB", "frontdoor.channels.chat.max-json-size=8KB",
				"frontdoor.channels.chat.max-text-length=500", "frontdoor.channels.chat.heartbeat-interval=1s",
				"frontdoor.channels.chat.history-limit=5",
				"frontdoor.channels.chat.rate-limits.messages-per-session.requests=6",
				"frontdoor.channels.chat.rate-limits.messages-per-session.window=1h",
				"frontdoor.channels.chat.rate-limits.messages-per-ip.requests=15",
				"frontdoor.channels.chat.rate-limits.messages-per-ip.window=1h",
				"frontdoor.channels.chat.rate-limits.sessions-per-ip.requests=1000",
				"frontdoor.channels.chat.rate-limits.sessions-per-ip.window=1h", "frontdoor.admin.password=test",
				"frontdoor.admin.staff.password=test" })
@PostgresTest
@interface ChatApiContext {

}
