/**
 * The service kit: infrastructure every RVssl service needs, as Spring Boot
 * auto-configuration. What belongs here: messaging plumbing, health, problem details,
 * authentication mechanics. What never does: domain code, or a type of one service; the
 * kit depends on no service.
 */
package com.rvssl.kit;
