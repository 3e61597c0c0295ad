#!/usr/bin/env bash
# Writes .env for docker-compose.yml with a fresh operator key and service key (their hashes for
# the services) and prints the operator key once: it is stored nowhere else. Refuses to overwrite
# an existing .env.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -e .env ] && { echo "ops/new-keys.sh: .env exists; remove it first to replace its keys" >&2; exit 1; }
key() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }
hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
operator_key="rvo_$(key)"
service_key="rvs_$(key)"
umask 077
cat > .env <<ENV
RVSSL_OPERATOR_KEY_HASH=$(hash "$operator_key")
RVSSL_SERVICE_KEY=$service_key
RVSSL_SERVICE_KEY_HASH=$(hash "$service_key")
RVSSL_PAYMENTS_WEBHOOK_SECRET=$(key)
RVSSL_PAYMENTS_PROVIDER_API_KEY=$(key)
ENV
echo "Wrote .env. The operator key (keep it in your password manager; only its hash is in .env):"
echo "$operator_key"
