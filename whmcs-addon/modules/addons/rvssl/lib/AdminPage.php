<?php

namespace Rvssl\Whmcs;

use WHMCS\Database\Capsule;

/**
 * The addon's admin page: what the reseller sees and changes at RVglobalsoft.com without leaving
 * WHMCS. An action posted from the page (with WHMCS's CSRF token) runs first, its outcome is shown
 * as a notice, then the page is drawn from fresh API reads; an API error becomes a red notice,
 * never a blank page. A top-up is a payment: the page starts it and links to where it is paid.
 */
final class AdminPage
{
    private const MODES = [
        'AUTOMATIC' => 'Automatic: submit and pay as soon as an order is configured',
        'ON_RESELLER_APPROVAL' => 'On reseller approval: wait until an admin approves the order',
        'MANUAL' => 'Manual: never submit by itself',
    ];

    /** How each top-up status reads: only a paid one has added credit. */
    private const TOP_UP_STATUSES = [
        'PENDING_PAYMENT' => 'Waiting for your payment: no credit added yet',
        'FAILED' => 'Payment failed: no credit added',
        'EXPIRED' => 'Expired unpaid: no credit added',
    ];

    /** Top-ups listed on the page, newest first. */
    private const TOP_UPS_SHOWN = 10;

    public function __construct(private readonly string $moduleLink)
    {
    }

    /** @param array<string, mixed> $request the posted form ($_POST) */
    public function render(array $request): string
    {
        try {
            $platform = Platform::connect();
        } catch (ApiProblem $problem) {
            return $this->notice('danger', $problem->getMessage());
        }
        $html = '';
        $action = (string) ($request['rvssl_action'] ?? '');
        if ($action !== '') {
            try {
                $done = $this->act($platform, $action, $request);
                $html .= is_array($done) ? $this->notice('info', $done[0], $done[1]) : $this->notice('success', $done);
            } catch (\Throwable $problem) {
                $html .= $this->notice('danger', $problem->getMessage());
            }
        }
        foreach (['account', 'autoOrder', 'prices', 'webhook'] as $section) {
            try {
                $html .= $this->$section($platform);
            } catch (\Throwable $problem) {
                // one section failing leaves the others, and the page, standing
                $html .= $this->notice('danger', $problem->getMessage());
            }
        }
        return '<div class="rvssl-admin">' . $html . '</div>';
    }

    /** @return string|array{0: string, 1: string} what was done, or a notice's text and the HTML of its link */
    private function act(Platform $platform, string $action, array $request): string|array
    {
        check_token('WHMCS.admin.default'); // WHMCS's CSRF check: a forged post stops here
        $code = (string) ($request['code'] ?? '');
        $term = (int) ($request['term'] ?? 0);
        switch ($action) {
            case 'autoOrder':
                $mode = (string) ($request['mode'] ?? '');
                $platform->setAutoOrderMode($mode);
                return 'Auto Order Setup is now ' . (self::MODES[$mode] ?? $mode) . '.';
            case 'overridePrice':
                $amount = (int) round(((float) str_replace(',', '.', (string) ($request['retail'] ?? ''))) * 100);
                $platform->overridePrice($code, $term, $amount, (string) ($request['currency'] ?? 'USD'));
                return 'Retail price of ' . $code . ' for ' . $term . ' months set.';
            case 'resetPrice':
                $platform->resetPrice($code, $term);
                return 'Retail price of ' . $code . ' for ' . $term . ' months reset to the recommended price.';
            case 'resetAllPrices':
                $platform->resetAllPrices();
                return 'All retail prices reset to the recommended prices.';
            case 'copyPrices':
                $count = ProductPricing::copy($platform->products());
                return 'Retail prices copied into ' . $count . ' WHMCS product(s).';
            case 'startTopUp':
                return $this->startTopUp($platform, $request);
            case 'registerWebhook':
                $platform->registerWebhook(Settings::webhookUrl(), Settings::webhookSecret());
                return 'Webhook registered: RVssl now reports status changes to ' . Settings::webhookUrl() . '.';
            default:
                return 'Nothing done: unknown action.';
        }
    }

    /** @return array{0: string, 1: string} */
    private function startTopUp(Platform $platform, array $request): array
    {
        $amount = self::minorUnits((string) ($request['amount'] ?? ''));
        $currency = strtoupper((string) ($request['currency'] ?? ''));
        if (preg_match('/^[A-Z]{3}$/', $currency) !== 1) {
            $currency = (string) ($platform->account()['balance']['currency'] ?? 'USD');
        }
        $key = (string) ($request['idempotencyKey'] ?? '');
        $topUp = $platform->startTopUp($amount, $currency, 'WHMCS top-up',
            preg_match('/^[A-Za-z0-9-]{8,64}$/', $key) === 1 ? $key : self::newTopUpKey());
        if (!is_scalar($topUp['id'] ?? null) || (string) $topUp['id'] === '') {
            throw new ApiProblem(200, 'RVssl answered something unexpected', 'a top-up without an id; see your account at RVglobalsoft.com');
        }
        $money = is_array($topUp['amount'] ?? null) ? $topUp['amount'] : ['amount' => $amount, 'currency' => $currency];
        $paymentUrl = self::webAddress($topUp['paymentUrl'] ?? null);
        Schema::ensure();
        Capsule::table(Schema::TOP_UPS)->insertOrIgnore([
            'top_up_id' => (string) ($topUp['id'] ?? ''),
            'amount' => (int) $money['amount'],
            'currency' => (string) $money['currency'],
            'status' => (string) ($topUp['status'] ?? 'PENDING_PAYMENT'),
            'payment_url' => $paymentUrl,
            'created_at' => gmdate('Y-m-d H:i') . ' UTC',
        ]);
        $text = 'Top-up of ' . Money::text($money) . ' started. No credit is added until the payment is confirmed;'
            . ' its status shows under Top-ups.';
        if ($paymentUrl === null) {
            return [$text . ' RVssl gave no payment address this page can open: see your account at RVglobalsoft.com.', ''];
        }
        return [$text . ' Pay it at RVglobalsoft.com (opens in a new tab): ',
            $this->payLink($paymentUrl, 'btn btn-primary rvssl-pay', 'Pay ' . Money::text($money) . ' at RVglobalsoft.com')];
    }

    /** "50", "50.5", "50.00" or "50,00" in minor units; anything else is refused before any API call. */
    private static function minorUnits(string $amount): int
    {
        $amount = str_replace(',', '.', trim($amount));
        if (preg_match('/^([0-9]{1,9})(?:\.([0-9]{1,2}))?$/', $amount, $parts) !== 1
            || ($minor = (int) $parts[1] * 100 + (int) str_pad($parts[2] ?? '', 2, '0')) <= 0) {
            throw new \InvalidArgumentException('Nothing started: enter the amount to top up as a positive number, e.g. 50.00.');
        }
        return $minor;
    }

    private static function newTopUpKey(): string
    {
        return 'whmcs-top-up-' . bin2hex(random_bytes(12));
    }

    /** The payment page's address if it is a web address (never a javascript: or data: link), else null. */
    private static function webAddress(mixed $url): ?string
    {
        $url = is_string($url) ? trim($url) : '';
        $scheme = strtolower((string) parse_url($url, PHP_URL_SCHEME));
        return in_array($scheme, ['https', 'http'], true) && (string) parse_url($url, PHP_URL_HOST) !== '' ? $url : null;
    }

    private function payLink(string $url, string $class, string $label): string
    {
        return '<a class="' . $class . '" href="' . $this->e($url) . '" target="_blank" rel="noopener noreferrer">'
            . $this->e($label) . '</a>';
    }

    private function account(Platform $platform): string
    {
        $account = $platform->account();
        $waiting = $platform->waitingOrders();
        $rows = '';
        foreach ($waiting as $order) {
            $rows .= '<tr><td>' . $this->e($order['orderId'] ?? '') . '</td><td>' . $this->e(Money::text($order['amount'] ?? null))
                . '</td><td>' . $this->e($order['status'] ?? 'Waiting for Payment') . '</td></tr>';
        }
        return '<h2>Account at RVglobalsoft.com</h2>'
            . '<p>Balance: <strong class="rvssl-balance">' . $this->e(Money::text($account['balance'] ?? null)) . '</strong>'
            . ' &middot; Waiting for payment: <strong class="rvssl-waiting">' . (int) ($account['waitingForPayment']['count'] ?? 0)
            . ' order(s), ' . $this->e(Money::text($account['waitingForPayment']['amount'] ?? null)) . '</strong></p>'
            . ($rows === '' ? '' : '<table class="table rvssl-waiting-orders"><tr><th>Order</th><th>Amount</th><th>Status</th></tr>'
                . $rows . '</table>')
            . $this->topUps($platform, (string) ($account['balance']['currency'] ?? 'USD'));
    }

    /**
     * The top-up form and the top-ups started here, each with the status the platform reports
     * (asked again while the payment is pending); a pending one links to its payment page.
     */
    private function topUps(Platform $platform, string $currency): string
    {
        Schema::ensure();
        $rows = '';
        $recent = array_slice(Capsule::table(Schema::TOP_UPS)->orderBy('created_at', 'desc')->get()->all(), 0, self::TOP_UPS_SHOWN);
        foreach ($recent as $topUp) {
            $note = '';
            if ($topUp->status === 'PENDING_PAYMENT') {
                try {
                    $status = (string) ($platform->topUp($topUp->top_up_id)['status'] ?? $topUp->status);
                    if ($status !== $topUp->status) {
                        Capsule::table(Schema::TOP_UPS)->where('top_up_id', $topUp->top_up_id)->update(['status' => $status]);
                        $topUp->status = $status;
                    }
                } catch (ApiProblem $problem) {
                    $note = ' <span class="label label-warning">' . $this->e($problem->getMessage()) . '</span>';
                }
            }
            $money = ['amount' => (int) $topUp->amount, 'currency' => $topUp->currency];
            $label = $topUp->status === 'PAID' ? 'Paid: ' . Money::text($money) . ' credited'
                : (self::TOP_UP_STATUSES[$topUp->status] ?? $topUp->status);
            $pay = $topUp->status === 'PENDING_PAYMENT' && $topUp->payment_url !== null
                ? $this->payLink($topUp->payment_url, 'btn btn-default btn-sm', 'Pay') : '';
            $rows .= '<tr data-top-up="' . $this->e($topUp->top_up_id) . '"><td>' . $this->e($topUp->created_at) . '</td><td>'
                . $this->e(Money::text($money)) . '</td><td class="rvssl-top-up-status">' . $this->e($label) . $note . '</td><td>'
                . $pay . '</td></tr>';
        }
        return '<h3>Top-ups</h3><p>A top-up is a payment at RVglobalsoft.com: your balance grows when the payment is confirmed.</p>'
            . $this->form('startTopUp', ['idempotencyKey' => self::newTopUpKey(), 'currency' => $currency],
                '<input name="amount" size="8" placeholder="50.00"> ' . $this->e($currency)
                . ' <button class="btn btn-primary">Start a top-up payment</button>')
            . ($rows === '' ? '' : '<table class="table rvssl-top-ups"><tr><th>Started</th><th>Amount</th><th>Status</th><th></th></tr>'
                . $rows . '</table>');
    }

    private function autoOrder(Platform $platform): string
    {
        $current = $platform->autoOrderMode();
        $options = '';
        foreach (self::MODES as $mode => $label) {
            $options .= '<option value="' . $mode . '"' . ($mode === $current ? ' selected' : '') . '>' . $this->e($label) . '</option>';
        }
        return '<h2>Auto Order Setup</h2>' . $this->form('autoOrder', [],
            '<select name="mode" class="rvssl-auto-order">' . $options . '</select> <button class="btn btn-primary">Save</button>');
    }

    private function prices(Platform $platform): string
    {
        $rows = '';
        foreach ($platform->products() as $product) {
            foreach ($product['prices'] ?? [] as $price) {
                $overridden = ($price['retail'] ?? null) != ($price['recommendedRetail'] ?? null);
                $hidden = ['code' => $product['code'], 'term' => $price['termMonths'],
                    'currency' => $price['retail']['currency'] ?? 'USD'];
                $rows .= '<tr data-code="' . $this->e($product['code']) . '" data-term="' . (int) $price['termMonths'] . '">'
                    . '<td>' . $this->e($product['name'] ?? $product['code']) . ' <code>' . $this->e($product['code']) . '</code></td>'
                    . '<td>' . (int) $price['termMonths'] . ' months</td>'
                    . '<td>' . $this->e(Money::text($price['wholesale'] ?? null)) . '</td>'
                    . '<td>' . $this->e(Money::text($price['recommendedRetail'] ?? null)) . '</td>'
                    . '<td class="rvssl-retail">' . $this->e(Money::text($price['retail'] ?? null)) . ($overridden ? ' (overridden)' : '') . '</td>'
                    . '<td>' . $this->form('overridePrice', $hidden, '<input name="retail" size="8" value="'
                        . $this->e(Money::decimal($price['retail'] ?? null)) . '"> <button class="btn btn-default btn-sm">Override</button>')
                    . ($overridden ? $this->form('resetPrice', $hidden, '<button class="btn btn-link btn-sm">Reset</button>') : '')
                    . '</td></tr>';
            }
        }
        return '<h2>Prices</h2><table class="table rvssl-prices"><tr><th>Product</th><th>Term</th><th>Wholesale</th>'
            . '<th>Recommended retail</th><th>Your retail</th><th></th></tr>' . $rows . '</table>'
            . $this->form('resetAllPrices', [], '<button class="btn btn-default">Reset all to recommended</button>')
            . $this->form('copyPrices', [], '<button class="btn btn-primary">Copy retail prices into WHMCS products</button>');
    }

    private function webhook(Platform $platform): string
    {
        return '<h2>Webhook</h2><p>Endpoint: <code class="rvssl-webhook-url">' . $this->e(Settings::webhookUrl()) . '</code><br>'
            . 'Secret: <code class="rvssl-webhook-secret">' . $this->e(Settings::webhookSecret()) . '</code></p>'
            . $this->form('registerWebhook', [], '<button class="btn btn-default">Register this endpoint at RVssl</button>');
    }

    private function form(string $action, array $hidden, string $body): string
    {
        $fields = generate_token('form') // WHMCS's CSRF token, checked by act()
            . '<input type="hidden" name="rvssl_action" value="' . $this->e($action) . '">';
        foreach ($hidden as $name => $value) {
            $fields .= '<input type="hidden" name="' . $this->e($name) . '" value="' . $this->e((string) $value) . '">';
        }
        return '<form method="post" action="' . $this->e($this->moduleLink) . '" style="display:inline">' . $fields . $body . '</form>';
    }

    /** @param string $html markup this class built (a link), appended to the escaped text */
    private function notice(string $kind, string $text, string $html = ''): string
    {
        return '<div class="alert alert-' . $kind . '">' . $this->e($text) . $html . '</div>';
    }

    private function e(mixed $text): string
    {
        return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8');
    }
}
