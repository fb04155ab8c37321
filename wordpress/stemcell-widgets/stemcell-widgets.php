<?php
/**
 * Plugin Name:       Stem Cell Widgets
 * Description:       Interactive, sourced explainers of stem cells and stem-cell transplants (cell diagram, transplant timeline, risk chart): a [stemcell] shortcode and a block.
 * Version:           0.1.0
 * Requires at least: 6.0
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       stemcell-widgets
 *
 * The widget script and its WebAssembly file ship inside this plugin (assets/), are loaded with a versioned URL,
 * once per page, and only on pages that show a widget.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'STEMCELL_WIDGETS_VERSION', '0.1.0' );
define( 'STEMCELL_WIDGETS_KINDS', array( 'cell-diagram', 'hsct-timeline', 'risk-chart', 'explainer' ) );

/**
 * The asset version: the plugin version and the script's size and time, so that an updated script (and, through
 * the loader, its .wasm) is never taken from a cache.
 */
function stemcell_widgets_asset_version() {
	$file = __DIR__ . '/assets/stemcell-widgets.js';
	return STEMCELL_WIDGETS_VERSION . ( file_exists( $file ) ? '-' . filemtime( $file ) . '-' . filesize( $file ) : '' );
}

function stemcell_widgets_register() {
	wp_register_script(
		'stemcell-widgets',
		plugins_url( 'assets/stemcell-widgets.js', __FILE__ ),
		array(),
		stemcell_widgets_asset_version(),
		true
	);
	wp_register_script(
		'stemcell-widgets-block-editor',
		plugins_url( 'block/editor.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n' ),
		STEMCELL_WIDGETS_VERSION,
		true
	);
	register_block_type(
		__DIR__ . '/block',
		array(
			'render_callback' => 'stemcell_widgets_render_block',
		)
	);
	add_shortcode( 'stemcell', 'stemcell_widgets_shortcode' );
}
add_action( 'init', 'stemcell_widgets_register' );

/**
 * The .wasm address rides on the script tag (data-wasm), so the script finds it even where a plugin or a CDN
 * rewrites the script's own URL.
 */
function stemcell_widgets_script_tag( $tag, $handle, $src ) {
	if ( 'stemcell-widgets' !== $handle ) {
		return $tag;
	}
	$wasm = add_query_arg( 'ver', rawurlencode( stemcell_widgets_asset_version() ), plugins_url( 'assets/stemcell-widgets.wasm', __FILE__ ) );
	return str_replace( ' src=', ' data-wasm="' . esc_url( $wasm ) . '" src=', $tag );
}
add_filter( 'script_loader_tag', 'stemcell_widgets_script_tag', 10, 3 );

/**
 * Options shared by the shortcode and the block, validated; returns the element's attributes.
 */
function stemcell_widgets_attributes( $args ) {
	$attrs = array();
	$kind  = isset( $args['widget'] ) ? sanitize_key( $args['widget'] ) : '';
	$attrs['data-stemcell-widget'] = $kind;  // an unknown kind is reported in the widget itself
	if ( ! empty( $args['src'] ) ) {
		$attrs['data-src'] = esc_url_raw( $args['src'] );
	}
	if ( ! empty( $args['lang'] ) && preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/', $args['lang'] ) ) {
		$attrs['data-lang'] = $args['lang'];
	}
	if ( ! empty( $args['theme'] ) && in_array( $args['theme'], array( 'auto', 'light', 'dark', 'high-contrast' ), true ) ) {
		$attrs['data-theme'] = $args['theme'];
	}
	if ( ! empty( $args['height'] ) && preg_match( '/^\d+(\.\d+)?(px|em|rem|vh|%)?$/', $args['height'] ) ) {
		$attrs['data-height'] = preg_match( '/^\d+(\.\d+)?$/', $args['height'] ) ? $args['height'] . 'px' : $args['height'];
	}
	if ( isset( $args['text-scale'] ) && '' !== $args['text-scale'] && is_numeric( $args['text-scale'] ) ) {
		$attrs['data-text-scale'] = (string) max( 0.75, min( 2, (float) $args['text-scale'] ) );
	}
	if ( ! empty( $args['fullscreen'] ) && ! in_array( strtolower( (string) $args['fullscreen'] ), array( 'false', '0', 'no' ), true ) ) {
		$attrs['data-fullscreen'] = '';
	}
	// Presenter mode (Previous/Next in the toolbar, PageDown/PageUp step the widget: a classroom clicker).
	if ( ! empty( $args['present'] ) && ! in_array( strtolower( (string) $args['present'] ), array( 'false', '0', 'no' ), true ) ) {
		$attrs['data-present'] = '';
	}
	if ( ! empty( $args['background'] ) && preg_match( '/^(transparent|#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}|[a-z]{3,20})$/', $args['background'] ) ) {
		$attrs['data-background'] = $args['background'];
	}
	return $attrs;
}

/**
 * The widget element; $json (optional) becomes an inline <script type="application/json"> whose text can never
 * end the script or become HTML: <, > and & are written as the JSON escapes \u003c, \u003e, \u0026.
 */
function stemcell_widgets_html( $attrs, $json = '', $class = '' ) {
	wp_enqueue_script( 'stemcell-widgets' );
	// No content of its own in another language (lang="es", no src, no inline JSON): the built-in document in that
	// language, shipped in assets/. The bundle embeds only the English one, so lang alone showed English content.
	if ( '' === trim( (string) $json ) && empty( $attrs['data-src'] ) && ! empty( $attrs['data-lang'] ) ) {
		$base = strtolower( substr( $attrs['data-lang'], 0, strcspn( $attrs['data-lang'], '-' ) ) );
		$file = 'assets/stemcell-explainer.' . $base . '.json';
		if ( 'en' !== $base && file_exists( plugin_dir_path( __FILE__ ) . $file ) ) {
			$attrs['data-src'] = add_query_arg( 'ver', rawurlencode( stemcell_widgets_asset_version() ), plugins_url( $file, __FILE__ ) );
		}
	}
	$html = '<div class="' . esc_attr( trim( 'stemcell-widget ' . $class ) ) . '"';
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$html .= '>';
	$json  = trim( (string) $json );
	if ( '' !== $json ) {
		$html .= '<script type="application/json">' . str_replace( array( '<', '>', '&' ), array( '\u003c', '\u003e', '\u0026' ), $json ) . '</script>';
	}
	return $html . '</div>';
}

/**
 * [stemcell widget="risk-chart" src="…" lang="es" theme="light" height="600px" text-scale="1.5" fullscreen="true" present="true"]
 * or enclosing the content: [stemcell widget="risk-chart"]{ …JSON… }[/stemcell].
 */
function stemcell_widgets_shortcode( $atts, $content = null ) {
	$atts = shortcode_atts(
		array(
			'widget'     => '',
			'src'        => '',
			'lang'       => '',
			'theme'      => '',
			'height'     => '',
			'text-scale' => '',
			'fullscreen' => '',
			'present'    => '',
			'background' => '',
		),
		$atts,
		'stemcell'
	);
	return stemcell_widgets_html( stemcell_widgets_attributes( $atts ), stemcell_widgets_inner_json( (string) $content ) );
}

// ---- inline JSON through WordPress's content filters ---------------------------------------------------------
// The JSON between [stemcell] and [/stemcell] must reach the widget as written. On save (before kses, which
// would drop "<b>" in a name and turn "&" into "&amp;") <, > and & become JSON escapes; when the post is shown
// (before do_blocks, wpautop and wptexturize, which add <p>, <br> and curly quotes) the JSON is wrapped in
// base64 until the shortcode runs.
const STEMCELL_WIDGETS_PATTERN = '/\[stemcell(\s[^\]]*)?\](.*?)\[\/stemcell\]/s';
const STEMCELL_WIDGETS_WRAP    = 'stemcell-b64:';

function stemcell_widgets_escape_json( $json ) {
	// HTML editors store "<" as "&lt;": what the author wrote is the decoded text.
	$json = html_entity_decode( $json, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	return str_replace( array( '<', '>', '&' ), array( '\u003c', '\u003e', '\u0026' ), $json );
}

function stemcell_widgets_protect_on_save( $content ) {
	if ( false === strpos( $content, '[stemcell' ) ) {
		return $content;
	}
	$raw = wp_unslash( $content );
	$out = preg_replace_callback(
		STEMCELL_WIDGETS_PATTERN,
		function ( $m ) {
			return '[stemcell' . $m[1] . ']' . stemcell_widgets_escape_json( $m[2] ) . '[/stemcell]';
		},
		$raw
	);
	return null === $out ? $content : wp_slash( $out );
}
add_filter( 'content_save_pre', 'stemcell_widgets_protect_on_save', 5 );

function stemcell_widgets_protect_on_render( $content ) {
	if ( false === strpos( $content, '[stemcell' ) ) {
		return $content;
	}
	$out = preg_replace_callback(
		STEMCELL_WIDGETS_PATTERN,
		function ( $m ) {
			if ( '' === trim( $m[2] ) ) {
				return $m[0];
			}
			return '[stemcell' . $m[1] . ']' . STEMCELL_WIDGETS_WRAP . base64_encode( stemcell_widgets_escape_json( $m[2] ) ) . '[/stemcell]';
		},
		$content
	);
	return null === $out ? $content : $out;
}
add_filter( 'the_content', 'stemcell_widgets_protect_on_render', 8 );

function stemcell_widgets_inner_json( $content ) {
	$content = trim( $content );
	if ( 0 === strpos( $content, STEMCELL_WIDGETS_WRAP ) ) {
		$decoded = base64_decode( substr( $content, strlen( STEMCELL_WIDGETS_WRAP ) ), true );
		return false === $decoded ? '' : $decoded;
	}
	// Not protected (e.g. do_shortcode() called by a theme on other text): undo what wpautop added.
	$content = preg_replace( '#</?p>|<br\s*/?>#i', '', $content );
	return stemcell_widgets_escape_json( $content );
}

// wptexturize leaves the shortcode's content alone (no curly quotes, no &#038;).
add_filter(
	'no_texturize_shortcodes',
	function ( $shortcodes ) {
		$shortcodes[] = 'stemcell';
		return $shortcodes;
	}
);

// ---- the block ----------------------------------------------------------------------------------------------
function stemcell_widgets_render_block( $attributes ) {
	$args  = array(
		'widget'     => isset( $attributes['widget'] ) ? $attributes['widget'] : 'risk-chart',
		'src'        => isset( $attributes['src'] ) ? $attributes['src'] : '',
		'lang'       => isset( $attributes['lang'] ) ? $attributes['lang'] : '',
		'theme'      => isset( $attributes['theme'] ) ? $attributes['theme'] : '',
		'height'     => isset( $attributes['height'] ) ? $attributes['height'] : '',
		'text-scale' => isset( $attributes['textScale'] ) ? (string) $attributes['textScale'] : '',
		'fullscreen' => ! empty( $attributes['fullscreen'] ) ? 'true' : '',
		'present'    => ! empty( $attributes['present'] ) ? 'true' : '',
		'background' => isset( $attributes['background'] ) ? $attributes['background'] : '',
	);
	$class = '';
	if ( ! empty( $attributes['align'] ) && in_array( $attributes['align'], array( 'wide', 'full' ), true ) ) {
		$class = 'align' . $attributes['align'];
	}
	$json = isset( $attributes['data'] ) ? (string) $attributes['data'] : '';
	return stemcell_widgets_html( stemcell_widgets_attributes( $args ), $json, $class );
}

// ---- .json uploads for roles that may upload files ------------------------------------------------------
add_filter(
	'upload_mimes',
	function ( $mimes, $user = null ) {
		$mimes['json'] = 'application/json';
		return $mimes;
	},
	10,
	2
);

// WordPress checks the file's real type; JSON is detected as text/plain or application/json. Accept a .json
// file only when it parses as JSON.
add_filter(
	'wp_check_filetype_and_ext',
	function ( $data, $file, $filename ) {
		if ( ! empty( $data['ext'] ) || 'json' !== strtolower( pathinfo( $filename, PATHINFO_EXTENSION ) ) ) {
			return $data;
		}
		$text = is_readable( $file ) ? file_get_contents( $file, false, null, 0, 5 * 1024 * 1024 ) : false;
		if ( false !== $text && null !== json_decode( $text ) ) {
			$data['ext']  = 'json';
			$data['type'] = 'application/json';
		}
		return $data;
	},
	10,
	3
);
