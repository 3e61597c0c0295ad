<?php
/**
 * Router of the PHP built-in server that stands in for the platform's HTTP API in the tests that
 * need no running platform (tests/unit): it records every request it gets and answers what the
 * test asked for (see support/StubPlatform.php), 404 problem+json for anything else.
 */

$dir = (string) getenv('RVSSL_STUB_DIR');
$path = (string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$headers = function_exists('getallheaders') ? getallheaders() : [];
file_put_contents($dir . '/requests.jsonl', json_encode([
    'method' => $_SERVER['REQUEST_METHOD'],
    'path' => $path,
    'query' => (string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_QUERY),
    'headers' => array_change_key_case($headers, CASE_LOWER),
    'body' => json_decode((string) file_get_contents('php://input'), true),
], JSON_UNESCAPED_SLASHES) . "\n", FILE_APPEND | LOCK_EX);

$answers = is_file($dir . '/answers.json') ? json_decode((string) file_get_contents($dir . '/answers.json'), true) : [];
$answer = $answers[$_SERVER['REQUEST_METHOD'] . ' ' . $path] ?? null;
if ($answer === null) {
    http_response_code(404);
    header('Content-Type: application/problem+json');
    echo json_encode(['type' => 'about:blank', 'title' => 'Not Found', 'status' => 404, 'detail' => 'the stub has no answer for ' . $path]);
    return true;
}
http_response_code((int) $answer['status']);
header('Content-Type: ' . ((int) $answer['status'] >= 400 ? 'application/problem+json' : 'application/json'));
echo json_encode($answer['body'], JSON_UNESCAPED_SLASHES);
return true;
