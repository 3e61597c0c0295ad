package com.rvssl.notify.recipients;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** The remembered customers of orders, by order id. */
public interface OrderContacts extends ReactiveCrudRepository<OrderContact, String> {

}
