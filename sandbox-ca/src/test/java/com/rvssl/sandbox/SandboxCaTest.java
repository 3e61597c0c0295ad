package com.rvssl.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The running sandbox on a random port, with a short DV approval delay. Every test class
 * using it shares one application context; tests keep apart by their own references and
 * domains.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// patient: CI machines shared by several builds answer slowly at times
@AutoConfigureWebTestClient(timeout = "30s")
@TestPropertySource(
		properties = { "spring.config.name=" + SandboxCaApplication.CONFIG_NAME, "sandbox.dv.approve-after=PT0.5S" })
public @interface SandboxCaTest {

}
