#!/usr/bin/env bash
# The real-WordPress test: Debian's wordpress 6.1 + MariaDB + Apache with mod_php, started on loopback (a free
# port on 127.0.0.1, a private MariaDB socket, everything under one temporary directory), the plugin zip
# installed and activated, posts published by an Author, then Chromium (tests/wordpress/wordpress.test.mjs).
# Everything it started is stopped and removed on exit. If WordPress cannot be installed it fails, saying why.
# Usage: bash tests/wordpress/run.sh [node --test reporter args…]   (needs dist/ from tools/build-web.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ZIP=$ROOT/dist/stemcell-widgets-wordpress.zip

missing=()
[ -f /usr/share/wordpress/wp-settings.php ] || missing+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || missing+=(wordpress-theme-twentytwentythree)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
ls /usr/lib/apache2/modules/libphp*.so >/dev/null 2>&1 || missing+=(libapache2-mod-php)
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null || missing+=(php-mysql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "FAILED: WordPress cannot run here: missing Debian packages: ${missing[*]} (tools/setup.sh installs them)" >&2
  exit 1
fi
[ -f "$ZIP" ] || { echo "FAILED: $ZIP is missing (run tools/build-web.sh)" >&2; exit 1; }

T=$(mktemp -d /tmp/scw-wordpress.XXXXXX)
chmod 755 "$T"
DB_PID=""; WEB_PID=""
cleanup() {
  set +e
  if [ -n "$WEB_PID" ]; then kill "$WEB_PID" 2>/dev/null; wait "$WEB_PID" 2>/dev/null; fi
  if [ -n "$DB_PID" ]; then kill "$DB_PID" 2>/dev/null; wait "$DB_PID" 2>/dev/null; fi
  [ -n "${KEEP_WP:-}" ] || rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export SCW_WP_URL="http://127.0.0.1:$PORT"

# MariaDB: a private data directory and socket, no TCP.
mariadb-install-db --no-defaults --datadir="$T/db" --user=root --skip-test-db --auth-root-authentication-method=socket >"$T/db-install.log" 2>&1 \
  || { echo "FAILED: mariadb-install-db (see below)"; tail -20 "$T/db-install.log"; exit 1; }
setsid /usr/sbin/mariadbd --no-defaults --datadir="$T/db" --socket="$T/mysql.sock" --skip-networking --user=root \
  --pid-file="$T/mysql.pid" --log-error="$T/mysql.log" --innodb-buffer-pool-size=32M &
DB_PID=$!
db_up() { mariadb-admin --no-defaults -S "$T/mysql.sock" -uroot ping >/dev/null 2>&1; }
for _ in $(seq 1 300); do db_up && break; sleep 0.1; done
db_up || { echo "FAILED: MariaDB did not start"; tail -20 "$T/mysql.log"; exit 1; }
mariadb --no-defaults -S "$T/mysql.sock" -uroot -e \
  "CREATE DATABASE wp CHARACTER SET utf8mb4; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';"

# WordPress: a private copy of Debian's files with its own wp-config.php and wp-content.
mkdir -p "$T/wp"
for f in /usr/share/wordpress/*; do
  case "$(basename "$f")" in wp-config.php|wp-content) ;; *) cp -r "$f" "$T/wp/" ;; esac
done
mkdir -p "$T/wp/wp-content/plugins" "$T/wp/wp-content/themes" "$T/wp/wp-content/uploads"
cp -r /usr/share/wordpress/wp-content/themes/twentytwentythree "$T/wp/wp-content/themes/"
cat > "$T/wp/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$T/mysql.sock'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as \$k) define(\$k, 'test-only-' . \$k);
\$table_prefix = 'wp_';
define('WP_HOME', '$SCW_WP_URL'); define('WP_SITEURL', '$SCW_WP_URL');
define('FS_METHOD', 'direct'); define('DISABLE_WP_CRON', true); define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true); define('WP_DEBUG', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP
php tests/wordpress/setup.php "$T/wp" "$ZIP" "$ROOT/data/stemcell-explainer.es.json" > "$T/site.json" \
  || { echo "FAILED: installing WordPress, the plugin or the posts (above)"; exit 1; }
chown -R www-data:www-data "$T/wp/wp-content" 2>/dev/null || true

# Apache with mod_php on 127.0.0.1:PORT, in the foreground, configured here only.
PHPMOD=$(ls /usr/lib/apache2/modules/libphp*.so | head -1)
M=/usr/lib/apache2/modules
cat > "$T/apache.conf" <<CONF
ServerRoot "$T"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile "$T/apache.pid"
ErrorLog "$T/apache-error.log"
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module $M/mod_mpm_prefork.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule dir_module $M/mod_dir.so
LoadModule mime_module $M/mod_mime.so
LoadModule php_module $PHPMOD
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 16
TypesConfig /etc/mime.types
AddType application/wasm .wasm
DocumentRoot "$T/wp"
DirectoryIndex index.php index.html
<Directory "$T/wp">
  Require all granted
  FallbackResource /index.php
</Directory>
<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
CONF
setsid /usr/sbin/apache2 -f "$T/apache.conf" -DFOREGROUND &   # own process group: its shutdown signals stay there
WEB_PID=$!
up() { python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' "$SCW_WP_URL/" 2>/dev/null; }
for _ in $(seq 1 100); do up && break; sleep 0.1; done
up || { echo "FAILED: Apache did not serve WordPress"; tail -20 "$T/apache-error.log"; exit 1; }

SCW_WP_SITE="$T/site.json" node --test --test-concurrency=1 "$@" tests/wordpress/wordpress.test.mjs
