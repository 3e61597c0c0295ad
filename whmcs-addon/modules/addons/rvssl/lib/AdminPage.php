<?php

namespace Rvssl\Whmcs;

/**
 * The addon's admin page: what the reseller sees and changes at RVglobalsoft.com without leaving
 * WHMCS. An action posted from the page runs first, its outcome is shown as a notice, then the
 * page is drawn from fresh API reads; an API error becomes a red notice, never a blank page.
 */
final class AdminPage
{
    private const MODES = [
        'AUTOMATIC' => 'Automatic: submit and pay as soon as an order is configured',
        'ON_RESELLER_APPROVAL' => 'On reseller approval: wait until an admin approves the order',
        'MANUAL' => 'Manual: never submit by itself',
    ];

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
                $html .= $this->notice('success', $this->act($platform, $action, $request));
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

    private function act(Platform $platform, string $action, array $request): string
    {
        if (function_exists('check_token')) {
            check_token('WHMCS.admin.default'); // WHMCS's CSRF check: a forged post stops here
        }
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
            case 'registerWebhook':
                $platform->registerWebhook(Settings::webhookUrl(), Settings::webhookSecret());
                return 'Webhook registered: RVssl now reports status changes to ' . Settings::webhookUrl() . '.';
            default:
                return 'Nothing done: unknown action.';
        }
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
        $fields = (function_exists('generate_token') ? generate_token('form') : '')
            . '<input type="hidden" name="rvssl_action" value="' . $this->e($action) . '">';
        foreach ($hidden as $name => $value) {
            $fields .= '<input type="hidden" name="' . $this->e($name) . '" value="' . $this->e((string) $value) . '">';
        }
        return '<form method="post" action="' . $this->e($this->moduleLink) . '" style="display:inline">' . $fields . $body . '</form>';
    }

    private function notice(string $kind, string $text): string
    {
        return '<div class="alert alert-' . $kind . '">' . $this->e($text) . '</div>';
    }

    private function e(mixed $text): string
    {
        return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8');
    }
}
