<?php
/**
 * Stand-in for the WHMCS functions the RVssl modules call, recording into the stand-in database
 * what real WHMCS would record (tblmodulelog, tblactivitylog) or change (tblhosting).
 */

use WHMCS\Database\Capsule;

function logModuleCall($module, $action, $requestString, $responseData, $processedData = '', $replaceVars = [])
{
    $text = static fn ($v) => is_string($v) ? $v : json_encode($v, JSON_UNESCAPED_SLASHES);
    // recorded as the module passed it: the tests check the module masked its secrets itself
    Capsule::table('tblmodulelog')->insert([
        'module' => $module, 'action' => $action, 'request' => $text($requestString),
        'response' => $text($responseData), 'arrdata' => $text($processedData), 'replacevars' => $text($replaceVars),
    ]);
}

function localAPI($command, $values = [], $adminUser = null)
{
    switch ($command) {
        case 'UpdateClientProduct':
            $changes = array_filter(['domainstatus' => $values['status'] ?? null]);
            Capsule::table('tblhosting')->where('id', (int) $values['serviceid'])->update($changes);
            return ['result' => 'success', 'serviceid' => $values['serviceid']];
        case 'LogActivity':
            Capsule::table('tblactivitylog')->insert(['description' => (string) $values['description']]);
            return ['result' => 'success'];
        default:
            return ['result' => 'error', 'message' => 'the stand-in does not know ' . $command];
    }
}

/**
 * WHMCS's CSRF token: one random value per session, as generate_token() gives it to forms
 * ('form': the hidden `token` field, 'link': "&token=...", 'plain': the value alone).
 */
function generate_token($type = 'form')
{
    static $token = null;
    $token ??= sha1(random_bytes(32));
    switch ($type) {
        case 'plain':
            return $token;
        case 'link':
            return '&token=' . $token;
        default:
            return '<input type="hidden" name="token" value="' . $token . '" />';
    }
}

/**
 * WHMCS's CSRF check: the request's `token` must be the session's. WHMCS ends the request with
 * "Invalid CSRF Protection Token" when it is not; the stand-in throws, so the test run goes on.
 */
function check_token($namespace = 'WHMCS.default', $token = null)
{
    $expected = generate_token('plain');
    $token ??= $_REQUEST['token'] ?? $_POST['token'] ?? $_GET['token'] ?? '';
    if (!is_string($token) || !hash_equals($expected, $token)) {
        throw new \RuntimeException('Invalid CSRF Protection Token');
    }
}
