<?php
/**
 * Stand-in for WHMCS's init.php: defines WHMCS, loads the stand-in functions and Capsule, and
 * creates the few WHMCS tables the modules touch (columns as WHMCS names them) if missing.
 */

if (!defined('WHMCS')) {
    define('WHMCS', true);
}
require_once __DIR__ . '/Capsule.php';
require_once __DIR__ . '/functions.php';

(static function (): void {
    $pdo = \WHMCS\Database\Capsule::connection();
    $tables = [
        'tbladdonmodules' => 'module TEXT, setting TEXT, value TEXT',
        'tblconfiguration' => 'setting TEXT PRIMARY KEY, value TEXT',
        'tblproducts' => 'id INTEGER PRIMARY KEY, name TEXT, servertype TEXT, configoption1 TEXT, configoption2 TEXT',
        'tblhosting' => 'id INTEGER PRIMARY KEY, userid INTEGER, packageid INTEGER, domain TEXT, domainstatus TEXT, nextduedate TEXT',
        'tblcustomfields' => 'id INTEGER PRIMARY KEY, type TEXT, relid INTEGER, fieldname TEXT',
        'tblcustomfieldsvalues' => 'fieldid INTEGER, relid INTEGER, value TEXT',
        'tblcurrencies' => 'id INTEGER PRIMARY KEY, code TEXT, "default" INTEGER',
        'tblpricing' => 'id INTEGER PRIMARY KEY, type TEXT, currency INTEGER, relid INTEGER, monthly TEXT, quarterly TEXT,'
            . ' semiannually TEXT, annually TEXT, biennially TEXT, triennially TEXT',
        'tblmodulelog' => 'id INTEGER PRIMARY KEY, module TEXT, action TEXT, request TEXT, response TEXT, arrdata TEXT, replacevars TEXT',
        'tblactivitylog' => 'id INTEGER PRIMARY KEY, description TEXT',
    ];
    foreach ($tables as $table => $columns) {
        $pdo->exec('CREATE TABLE IF NOT EXISTS "' . $table . '" (' . $columns . ')');
    }
})();
