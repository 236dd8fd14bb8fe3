package org.frontdoor.channels.chat;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /chat-demo}: a page that embeds the widget exactly as a city's site would (one
 * script tag), to try the chat in the embedded default run.
 */
@Controller
public class ChatDemoController {

	@GetMapping("/chat-demo")
	String demo() {
		return "forward:/chat/demo.html";
	}

}
