/* test-safe-text.c — names and user text shown safely in messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-safe-text"

#include "config.h"

#include "apmm-safe-text.h"

static void
test_plain_unchanged (void)
{
  const char *plain[] = { "", "session.apmm", "Zürich – évaluation “2026”.apmm", "日本語.apmm" };

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_autofree char *safe = apmm_safe_text (plain[i]);
      g_assert_cmpstr (safe, ==, plain[i]);
    }
}

static void
test_hostile (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "a\nb", "a\\nb" },
    { "forged\r\nok: fine", "forged\\r\\nok: fine" },
    { "\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m" },
    { "tab\there", "tab\\there" },
    { "bell\a", "bell\\x07" },
    { "del\x7f", "del\\x7f" },
    { "c1\xc2\x85", "c1\\x85" },
    /* U+202E RIGHT-TO-LEFT OVERRIDE would show "gnp.apmm" reversed. */
    { "evil\xe2\x80\xaegnp.apmm", "evil\\u202egnp.apmm" },
    { "iso\xe2\x81\xa6late\xe2\x81\xa9", "iso\\u2066late\\u2069" },
    { "line\xe2\x80\xa8sep", "line\\u2028sep" },
    { "bad\xff\xfe", "bad\xef\xbf\xbd\xef\xbf\xbd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = apmm_safe_text (cases[i].in);

      g_assert_cmpstr (safe, ==, cases[i].out);
      g_assert_true (g_utf8_validate (safe, -1, NULL));
    }
}

/* Parses @markup as element content, as Pango does, and returns success. */
static gboolean
parses_as_markup (const char *markup)
{
  g_autofree char *doc = g_strconcat ("<m>", markup, "</m>", NULL);
  GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);

  return g_markup_parse_context_parse (context, doc, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

static void
test_markup (void)
{
  g_autofree char *markup = apmm_safe_markup ("Johnson & Johnson <ladder>.png\n");

  g_assert_cmpstr (markup, ==, "Johnson &amp; Johnson &lt;ladder&gt;.png\\n");
  /* What the toast parses: the same text back, no markup error. */
  g_assert_true (parses_as_markup (markup));
}

static void
test_file_names (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/a\nb/\xe2\x80\xae" "evil\xff.apmm");
  g_autofree char *full = apmm_safe_file_name (file);
  g_autofree char *base = apmm_safe_basename (file);

  g_assert_cmpstr (full, ==, "/tmp/a\\nb/\\u202eevil\xef\xbf\xbd.apmm");
  g_assert_cmpstr (base, ==, "\\u202eevil\xef\xbf\xbd.apmm");
}

/* A glance at a long note: whole words, at most so many characters and
 * lines, and "…" to say there is more. */
static void
test_excerpt (void)
{
  g_autofree char *fits = NULL, *words = NULL, *lines = NULL, *long_word = NULL, *accents = NULL;
  g_autofree char *punct = NULL, *empty = NULL;
  g_autoptr(GString) many = g_string_new (NULL);
  gboolean clipped = TRUE;

  fits = apmm_text_excerpt ("Runbook RB-12", 20, 3, &clipped);
  g_assert_cmpstr (fits, ==, "Runbook RB-12");
  g_assert_false (clipped);

  words = apmm_text_excerpt ("Rollback tested every quarter by the platform team", 30, 3, &clipped);
  g_assert_cmpstr (words, ==, "Rollback tested every quarter…");
  g_assert_true (clipped);

  /* Trailing punctuation goes before the ellipsis. */
  punct = apmm_text_excerpt ("Owner: Helen, claims. Then more words follow here", 21, 3, NULL);
  g_assert_cmpstr (punct, ==, "Owner: Helen, claims…");

  lines = apmm_text_excerpt ("one\ntwo\nthree\nfour", 100, 2, &clipped);
  g_assert_cmpstr (lines, ==, "one\ntwo…");
  g_assert_true (clipped);

  /* One unbroken word is cut inside it, on a character. */
  long_word = apmm_text_excerpt ("ééééééééééééééééééééé", 5, 3, NULL);
  g_assert_cmpstr (long_word, ==, "ééééé…");

  accents = apmm_text_excerpt ("Zürich – évaluation “2026” terminée", 19, 1, NULL);
  g_assert_true (g_utf8_validate (accents, -1, NULL));
  g_assert_cmpstr (accents, ==, "Zürich – évaluation…");

  empty = apmm_text_excerpt (NULL, 10, 1, &clipped);
  g_assert_cmpstr (empty, ==, "");
  g_assert_false (clipped);

  /* A 64 KiB note becomes a few hundred characters. */
  for (guint i = 0; i < 8000; i++)
    g_string_append (many, "drift ok ");
  {
    g_autofree char *glance = apmm_text_excerpt (many->str, 280, 4, &clipped);

    g_assert_true (clipped);
    g_assert_cmpint (g_utf8_strlen (glance, -1), <=, 281);
    g_assert_cmpint (g_utf8_strlen (glance, -1), >=, 180);
    g_assert_true (g_str_has_suffix (glance, "ok…") || g_str_has_suffix (glance, "drift…"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safe-text/plain-unchanged", test_plain_unchanged);
  g_test_add_func ("/safe-text/hostile", test_hostile);
  g_test_add_func ("/safe-text/markup", test_markup);
  g_test_add_func ("/safe-text/file-names", test_file_names);
  g_test_add_func ("/safe-text/excerpt", test_excerpt);

  return g_test_run ();
}
