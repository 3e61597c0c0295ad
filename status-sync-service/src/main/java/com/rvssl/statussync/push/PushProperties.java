package com.rvssl.statussync.push;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared secrets the CAs push with. Unset means that CA's pushes are all refused
 * (401): a receiver without a secret would let anyone trigger checks.
 *
 * @param digicertSecret what DigiCert sends back in {@code X-WEBHOOK-KEY} (the webhook's
 * secret)
 * @param sectigoToken the {@code token} query parameter of the push URL given to Sectigo
 */
@ConfigurationProperties("rvssl.sync.push")
public record PushProperties(String digicertSecret, String sectigoToken) {
}
