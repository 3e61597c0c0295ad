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
