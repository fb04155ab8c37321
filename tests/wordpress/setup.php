<?php
// Installs WordPress (wp_install, as Debian has no wp-cli), installs and activates the plugin from its zip, makes
// an Author, and publishes as that Author (kses applies: no unfiltered_html) the posts the browser test opens.
// Usage: php setup.php WP_DIR PLUGIN_ZIP ES_JSON  -> prints {"posts": {name: url}, ...} as JSON.
[$_, $wp_dir, $zip, $es_json] = $argv;
$_SERVER['HTTP_HOST'] = parse_url(getenv('SCW_WP_URL'), PHP_URL_HOST) . ':' . parse_url(getenv('SCW_WP_URL'), PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

function fail($m) { fwrite(STDERR, "setup.php: $m\n"); exit(1); }

add_filter('pre_wp_mail', '__return_false');   // no mail from a test install
$r = wp_install('Stem cell widgets test', 'admin', 'admin@example.org', false, '', 'admin-password-1');
if (is_wp_error($r)) fail('wp_install: ' . $r->get_error_message());
update_option('permalink_structure', '');
switch_theme('twentytwentythree');
if (get_stylesheet() !== 'twentytwentythree') fail('theme Twenty Twenty-Three is not available');

// The plugin, from the zip, the way Plugins > Add New > Upload does it (unzip_file, then activate).
wp_set_current_user(1);
WP_Filesystem();
$u = unzip_file($zip, WP_PLUGIN_DIR);
if (is_wp_error($u)) fail('unzip: ' . $u->get_error_message());
$a = activate_plugin('stemcell-widgets/stemcell-widgets.php');
if (is_wp_error($a)) fail('activate: ' . $a->get_error_message());

$author = wp_insert_user(['user_login' => 'author', 'user_pass' => 'author-password-1', 'user_email' => 'author@example.org', 'role' => 'author']);
if (is_wp_error($author)) fail('author: ' . $author->get_error_message());
wp_set_current_user($author);   // kses_init runs on set_current_user: the Author's content is filtered
if (current_user_can('unfiltered_html')) fail('the author must not have unfiltered_html');
if (!has_filter('content_save_pre', 'wp_filter_post_kses')) fail('kses is not active for the author');

// The Author uploads the Spanish content (.json) to the Media Library.
$tmp = wp_tempnam('es.json');
copy($es_json, $tmp);
$att = media_handle_sideload(['name' => 'stemcell-explainer.es.json', 'tmp_name' => $tmp], 0);
if (is_wp_error($att)) fail('json upload: ' . $att->get_error_message());
$es_url = wp_get_attachment_url($att);

// Inline content with blank lines, straight quotes, & and < in a name, and non-ASCII text.
$name = 'Tom & Jerry\'s "<b>quoted</b>" therapy — células';
$doc = [
  'version' => 1,
  'sources' => [['id' => 'src', 'citation' => 'Test source (2020)']],
  'therapies' => [['id' => 't0', 'name' => $name], ['id' => 't1', 'name' => 'Other therapy']],
  'risks' => [[
    'id' => 'r0', 'name' => 'Infection', 'short' => 'A test risk.', 'sources' => ['src'],
    'levels' => [['therapy' => 't0', 'level' => 'high'], ['therapy' => 't1', 'level' => 'low']],
  ]],
];
$json = json_encode($doc, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
$json = preg_replace('/\n(\s*"therapies")/', "\n\n$1", $json);   // blank lines, as people write them
$json = preg_replace('/\n(\s*"risks")/', "\n\n\n$1", $json);
if (strpos($json, "\n\n") === false || strpos($json, '<b>') === false) fail('the test JSON lost its blank lines or <');

$posts = [
  'self-closing-es' => "<!-- wp:paragraph -->\n<p>Riesgos, en español.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:shortcode -->\n[stemcell widget=\"risk-chart\" src=\"$es_url\" lang=\"es\" theme=\"light\" height=\"600px\" text-scale=\"1.25\" fullscreen=\"true\" present=\"true\"]\n<!-- /wp:shortcode -->",
  'enclosing-inline' => "<!-- wp:shortcode -->\n[stemcell widget=\"risk-chart\"]\n$json\n[/stemcell]\n<!-- /wp:shortcode -->",
  'block' => "<!-- wp:stemcell/widget {\"widget\":\"hsct-timeline\",\"theme\":\"light\",\"align\":\"wide\",\"present\":true} /-->",
  'lang-only-es' => "<!-- wp:shortcode -->\n[stemcell widget=\"hsct-timeline\" lang=\"es\" present=\"true\"]\n<!-- /wp:shortcode -->",
  'classic' => "A classic post (no blocks).\n\n[stemcell widget=\"risk-chart\"]\n$json\n[/stemcell]\n\nText after the widget.",
];
$out = ['posts' => [], 'name' => $name, 'esUrl' => $es_url];
foreach ($posts as $key => $content) {
  $id = wp_insert_post(wp_slash(['post_title' => "Widget: $key", 'post_content' => $content, 'post_status' => 'publish',
                                 'post_author' => $author]), true);
  if (is_wp_error($id)) fail("post $key: " . $id->get_error_message());
  if (get_post_status($id) !== 'publish') fail("post $key was not published by the author");
  $out['posts'][$key] = get_permalink($id);
}
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
