// Keeps the order statuses, the waiting orders and the balance current while the page is open, by
// asking the server every few seconds. It only writes text (never HTML), and tells the reseller in
// words when the session has ended instead of failing silently.
(function () {
  "use strict";
  var interval = parseInt(document.body.getAttribute("data-live-interval"), 10) || 2000;
  var stopped = false;

  function cell(text, className) {
    var td = document.createElement("td");
    if (className) {
      var span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      td.appendChild(span);
    } else {
      td.textContent = text;
    }
    return td;
  }

  function codeCell(text) {
    var td = document.createElement("td");
    var code = document.createElement("code");
    code.textContent = text;
    td.appendChild(code);
    return td;
  }

  function fill(tableId, emptyId, rows, build) {
    var table = document.getElementById(tableId);
    var body = table.tBodies[0];
    var fresh = document.createElement("tbody");
    rows.forEach(function (row) {
      var tr = build(row);
      tr.setAttribute("data-order-id", row.orderId);
      fresh.appendChild(tr);
    });
    table.replaceChild(fresh, body);
    table.hidden = rows.length === 0;
    document.getElementById(emptyId).hidden = rows.length !== 0;
  }

  function show(live) {
    document.getElementById("balance").textContent = live.balance;
    fill("waiting", "no-waiting", live.waiting, function (order) {
      var tr = document.createElement("tr");
      tr.appendChild(codeCell(order.orderId));
      tr.appendChild(cell(order.what));
      var amount = cell(order.amount);
      amount.className = "money";
      tr.appendChild(amount);
      tr.appendChild(cell(order.placedAt));
      var status = cell(order.status);
      status.className = "status";
      tr.appendChild(status);
      return tr;
    });
    fill("orders", "no-orders", live.orders, function (order) {
      var tr = document.createElement("tr");
      tr.appendChild(codeCell(order.orderId));
      tr.appendChild(cell(order.what));
      var price = cell(order.price);
      price.className = "money";
      tr.appendChild(price);
      tr.appendChild(cell(order.placedAt));
      var td = cell(order.status, "status");
      var detail = document.createElement("span");
      detail.className = "detail";
      detail.textContent = order.detail;
      td.appendChild(detail);
      tr.appendChild(td);
      return tr;
    });
  }

  function problem(text) {
    var p = document.getElementById("live-problem");
    p.textContent = text;
    p.hidden = false;
  }

  function poll() {
    if (stopped) {
      return;
    }
    fetch("/account/live", { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (response.redirected || response.status === 401 || response.status === 403) {
          stopped = true;
          problem("Your session has ended, so the statuses below are no longer updated. Reload the page to sign in again.");
          return null;
        }
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (live) {
        if (live) {
          document.getElementById("live-problem").hidden = true;
          show(live);
        }
      })
      .catch(function () {
        problem("The statuses could not be updated just now; trying again.");
      })
      .then(function () {
        if (!stopped) {
          window.setTimeout(poll, interval);
        }
      });
  }

  window.setTimeout(poll, interval);
})();
