package com.rvssl.sandbox.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox's few HTML pages (DCV approval, payment checkout): one bare layout, every
 * value from a request escaped.
 */
public final class SandboxPages {

	private SandboxPages() {
	}

	/** A page whose {@code body} is trusted markup; the title is escaped here. */
	public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String html = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
				<body><h1>%s</h1>
				%s
				</body></html>
				""".formatted(html(title), html(title), body);
		return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
	}

	public static String html(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
