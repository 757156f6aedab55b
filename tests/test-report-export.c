/* test-report-export.c — the report as PDF, HTML, Markdown, workbook and CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Content: every criterion, gap and action of a session is in every format,
 * and the anonymised variants hold no participant name. Safety: hostile
 * strings in every text field. Layout: a long session breaks pages cleanly.
 * PDF text and fonts are read back with poppler-utils, CSV and the workbook
 * with Python, as a reader of the files would.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "apmm-report-export.h"
#include "apmm-session-file.h"

static const char * const examples[] = {
  "northwind-logistics", "meridian-insurance", "halcyon-health", NULL
};

static ApmmSession *
load_example (const char *name)
{
  g_autofree char *path = g_strdup_printf ("/org/apmm/Workshop/core/examples/%s.apmm", name);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GError) error = NULL;
  ApmmSession *session;

  g_assert_nonnull (bytes);
  session = apmm_session_load_bytes (bytes, &error);
  g_assert_no_error (error);
  return session;
}

static ApmmSession *
load_data_file (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ApmmSession *session = apmm_session_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return session;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* Runs @argv, feeding it @input on stdin through a file; returns stdout, and
 * fails the test when the program fails. */
static char *
run (const char * const *argv,
     GBytes             *input)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *in_path = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  int fd;

  fd = g_file_open_tmp ("apmm-report-XXXXXX", &in_path, &error);
  g_assert_no_error (error);
  if (input != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (input, &size);

      g_assert_true (g_file_set_contents (in_path, data, size, NULL));
    }
  close (fd);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, in_path);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_unlink (in_path);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
pdf_text (GBytes *pdf,
          int     page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    {
      const char *argv[] = { "pdftotext", "-raw", "-f", first, "-l", first, NULL };
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *dir = g_dir_make_tmp ("apmm-pdf-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "in.pdf", NULL);
      g_autofree char *out = NULL;
      char *text = NULL;
      int status;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
      for (guint i = 0; argv[i] != NULL; i++)
        g_ptr_array_add (args, (char *) argv[i]);
      g_ptr_array_add (args, path);
      g_ptr_array_add (args, (char *) "-");
      g_ptr_array_add (args, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, &status, NULL));
      g_unlink (path);
      g_rmdir (dir);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      return text;
    }
  else
    {
      const char *argv[] = { "sh", "-c", "pdftotext -raw \"$0\" -", NULL };

      return run (argv, pdf);
    }
}

/* poppler-utils read the PDFs back; the Flatpak SDK may lack them. */
static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  if (pdftotext != NULL && pdffonts != NULL)
    return TRUE;
  g_test_skip ("pdftotext and pdffonts (poppler-utils) are needed to read the PDF back");
  return FALSE;
}

static int
pdf_pages (GBytes *pdf)
{
  const char *argv[] = { "sh", "-c", "pdfinfo \"$0\" | sed -n 's/^Pages: *//p'", NULL };
  g_autofree char *out = run (argv, pdf);

  return atoi (out);
}

/* The shared strings and inline strings of every sheet, as one text. */
static char *
xlsx_text (GBytes *xlsx)
{
  const char *argv[] = { "/usr/bin/python3", "-c",
    "import sys, zipfile, xml.etree.ElementTree as ET\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "names = z.namelist()\n"
    "for n in names:\n"
    "    if n.endswith('.xml'):\n"
    "        try: ET.fromstring(z.read(n))\n"  /* every part is well-formed XML */
    "        except ET.ParseError as e: sys.exit('%s: %s: %r' % (n, e, z.read(n)[:2000]))\n"
    "for n in ['xl/sharedStrings.xml'] + sorted(x for x in names if x.startswith('xl/worksheets/')):\n"
    "    if n in names:\n"
    "        for t in ET.fromstring(z.read(n)).iter():\n"
    "            if t.text: print(t.text)\n",
    NULL };

  return run (argv, xlsx);
}

/* Whitespace differs between formats (wrapped lines, <br>): compare without it. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle,
                 const char *what)
{
  g_autofree char *h = squeeze (haystack);
  g_autofree char *n = squeeze (needle);

  if (strstr (h, n) == NULL)
    g_error ("%s lacks “%s”", what, needle);
}

/* Every format as text a reader would see. */
typedef struct {
  char *markdown;
  char *html;
  char *csv;       /* the three tables */
  char *pdf;
  char *xlsx;
} Texts;

static void
texts_clear (Texts *t)
{
  g_free (t->markdown);
  g_free (t->html);
  g_free (t->csv);
  g_free (t->pdf);
  g_free (t->xlsx);
}

static void
texts_init (Texts      *t,
            ApmmReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) md = apmm_report_to_markdown (report);
  g_autoptr(GBytes) html = apmm_report_to_html (report);
  g_autoptr(GBytes) pdf = apmm_report_to_pdf (report, APMM_PAPER_A4, &error);
  g_autoptr(GBytes) xlsx = NULL;
  GString *csv = g_string_new (NULL);

  g_assert_no_error (error);
  xlsx = apmm_report_to_xlsx (report, &error);
  g_assert_no_error (error);
  for (ApmmReportTable table = APMM_REPORT_TABLE_ACTIONS; table <= APMM_REPORT_TABLE_GAPS; table++)
    {
      g_autoptr(GBytes) bytes = apmm_report_to_csv (report, table);
      g_autofree char *text = bytes_to_string (bytes);

      g_string_append (csv, text);
    }
  t->markdown = bytes_to_string (md);
  t->html = bytes_to_string (html);
  t->csv = g_string_free (csv, FALSE);
  t->pdf = pdf_text (pdf, 0);
  t->xlsx = xlsx_text (xlsx);
}

static void
test_every_item_everywhere (void)
{
  if (!have_poppler ())
    return;
  for (guint e = 0; examples[e] != NULL; e++)
    {
      g_autoptr(ApmmSession) session = load_example (examples[e]);
      g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
      Texts t;
      const char *formats[4];

      texts_init (&t, report);
      formats[0] = t.markdown;
      formats[1] = t.pdf;
      formats[2] = t.xlsx;
      formats[3] = t.html;
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          for (guint l = 1; l < APMM_N_LEVELS; l++)
            for (guint i = 0; i < apmm_report_get_n_criteria (report, l); i++)
              assert_contains (formats[f], apmm_report_get_criterion (report, l, i)->criterion->title, "a format");
          for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
            if (*apmm_report_get_gap (report, i)->owner != '\0')
              assert_contains (formats[f], apmm_report_get_gap (report, i)->owner, "a format");
          for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
            {
              assert_contains (formats[f], apmm_report_get_action (report, i)->title, "a format");
              assert_contains (formats[f], apmm_report_get_action (report, i)->measure, "a format");
            }
          assert_contains (formats[f], apmm_session_get_organisation (session), "a format");
        }
      /* CSV: the criteria, gaps and actions tables name each by id. */
      for (guint l = 1; l < APMM_N_LEVELS; l++)
        for (guint i = 0; i < apmm_report_get_n_criteria (report, l); i++)
          assert_contains (t.csv, apmm_report_get_criterion (report, l, i)->criterion->id, "CSV");
      for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
        assert_contains (t.csv, apmm_report_get_action (report, i)->title, "CSV");
      texts_clear (&t);
    }
}

static void
assert_no_participant (ApmmSession *session,
                       const char  *text,
                       const char  *what)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < apmm_session_get_n_participants (session); i++)
    {
      const char *name = apmm_session_get_participant_name (session, i);
      g_autofree char *person = g_strndup (name, strcspn (name, "("));
      g_auto(GStrv) words = g_strsplit (g_strstrip (person), " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *word = g_utf8_casefold (words[w], -1);
          g_autofree char *escaped = g_regex_escape_string (word, -1);
          g_autofree char *pattern = g_strdup_printf ("(?<!\\w)%s(?!\\w)", escaped);
          g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);

          if (strlen (word) >= 2 && g_regex_match (re, folded, 0, NULL))
            g_error ("%s names “%s” (participant “%s”)", what, words[w], name);
        }
    }
}

static void
test_anonymised_everywhere (void)
{
  if (!have_poppler ())
    return;
  for (guint e = 0; examples[e] != NULL; e++)
    {
      g_autoptr(ApmmSession) session = load_example (examples[e]);
      g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (),
                                                      APMM_REPORT_ANONYMISED);
      Texts t;

      texts_init (&t, report);
      assert_no_participant (session, t.markdown, "Markdown");
      assert_no_participant (session, t.html, "HTML");
      assert_no_participant (session, t.csv, "CSV");
      assert_no_participant (session, t.pdf, "PDF");
      assert_no_participant (session, t.xlsx, "the workbook");
      /* Still the same report: every action is there. */
      for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
        assert_contains (t.pdf, apmm_report_get_action (report, i)->measure, "PDF");
      texts_clear (&t);
    }
}

/* ---- Hostile strings ---------------------------------------------------- */

static const char *hostile[] = {
  "<script>alert(1)</script>",
  "]]><x>&amp;</x><![CDATA[",
  "=HYPERLINK(\"http://evil.example/\",\"click\")",
  "+SUM(1,2)",
  "-2+3",
  "@cmd",
  "\tTabbed",
  "\rCarriage",
  "pipe | in | cell\nnew line | too",
  "<img src=http://evil.example/x.png onerror=alert(1)>",
  "\xe2\x80\xae" "evil override \xe2\x80\xad" "LTR",   /* RLO … LRO */
  "emoji \xf0\x9f\x9a\x80\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb done",
  "combining e\xcc\x81\xcc\x82\xcc\x83 Z\xcd\x91\xcd\x92",
  "# heading\n- list\n> quote\n1. one\n```code```",
  "*bold* _it_ [link](http://evil.example) ![img](http://evil.example/i.png) &lt;",
  "\x01\x02\x1b[31mcontrol",
  NULL
};

static ApmmSession *
hostile_session (void)
{
  ApmmSession *session = apmm_session_new ();
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GString) big = g_string_new (NULL);
  guint k = 0;

#define NEXT() (hostile[k++ % (G_N_ELEMENTS (hostile) - 1)])
  while (big->len < 10 * 1024)
    g_string_append_printf (big, "%s ", NEXT ());
  apmm_session_set_organisation (session, NEXT ());
  apmm_session_set_title (session, NEXT ());
  apmm_session_set_facilitator (session, NEXT ());
  apmm_session_set_notes (session, big->str);
  for (guint i = 0; hostile[i] != NULL; i++)
    apmm_session_add_participant (session, hostile[i], (int) (i % APMM_N_LEVELS));
  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const char *id = apmm_model_get_criterion (model, i)->id;

      apmm_session_set_status (session, id, i < 2 ? APMM_STATUS_MET : APMM_STATUS_PARTLY);
      apmm_session_set_evidence_note (session, id, i == 3 ? big->str : NEXT ());
      apmm_session_set_confirmed_by (session, id, NEXT ());
      apmm_session_set_confirmed_at (session, id, NEXT ());
      apmm_session_set_gap_owner (session, id, NEXT ());
      apmm_session_set_gap_note (session, id, NEXT ());
    }
  for (guint i = 0; i < apmm_model_get_n_prompts (model); i++)
    apmm_session_set_prompt_notes (session, apmm_model_get_prompt (model, i)->id, NEXT ());
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autofree char *id = apmm_session_new_action_id (session);
      g_autoptr(ApmmAction) action = apmm_action_new (id, hostile[i]);
      const char *closes[] = { "l3.rollback", NULL };

      g_free (action->description);
      action->description = g_strdup (NEXT ());
      g_free (action->owner);
      action->owner = g_strdup (NEXT ());
      g_free (action->measure);
      action->measure = g_strdup (NEXT ());
      g_strfreev (action->criteria);
      action->criteria = g_strdupv ((char **) closes);
      apmm_session_insert_action (session, -1, action);
    }
#undef NEXT
  return session;
}

static void
test_hostile_html (void)
{
  g_autoptr(ApmmSession) session = hostile_session ();
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(GBytes) bytes = apmm_report_to_html (report);
  g_autofree char *html = bytes_to_string (bytes);
  g_autofree char *lower = g_ascii_strdown (html, -1);
  const char *argv[] = { "/usr/bin/python3", "-c",
    "import sys, html.parser\n"
    "class P(html.parser.HTMLParser):\n"
    "    def handle_starttag(self, tag, attrs):\n"
    "        assert tag not in ('script', 'img', 'iframe', 'object', 'embed', 'link', 'a', 'base', 'form'), tag\n"
    "        for k, v in attrs:\n"
    "            assert not k.startswith('on'), k\n"
    "            assert k not in ('src', 'srcset', 'action', 'formaction'), k\n"
    "            if k in ('href', 'xlink:href'): assert v.startswith('#'), v\n"
    "            if v: assert v.replace('url(#', '').find('url(') < 0 and '://' not in v, v\n"
    "p = P()\n"
    "p.feed(open(sys.argv[1], encoding='utf-8').read())\n"
    "print('ok')\n",
    NULL };
  g_autofree char *out = run (argv, bytes);

  g_assert_cmpstr (out, ==, "ok\n");
  g_assert_null (strstr (lower, "<script"));
  /* Only references inside the file: url(#clip1) in the ladder's SVG. */
  g_assert_false (g_regex_match_simple ("url\\([^#]", lower, 0, 0));
  g_assert_nonnull (strstr (html, "http-equiv=\"Content-Security-Policy\""));
  g_assert_nonnull (strstr (html, "script-src 'none'"));
  g_assert_nonnull (strstr (html, "@media print"));
  /* The hostile text is there, as text. */
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "<svg"));
}

/* Counts the cells of a Markdown table row: pipes not escaped with a backslash. */
static guint
count_cells (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|')
        n++;
    }
  return n;
}

static void
test_hostile_markdown (void)
{
  g_autoptr(ApmmSession) session = hostile_session ();
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(GBytes) bytes = apmm_report_to_markdown (report);
  g_autofree char *md = bytes_to_string (bytes);
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  guint columns = 0, tables = 0, rows = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '|')
        {
          columns = 0;
          continue;
        }
      if (columns == 0)
        {
          columns = count_cells (lines[i]);
          tables++;
          continue;
        }
      if (count_cells (lines[i]) != columns)
        g_error ("a table row has %u cells, its header %u: %s", count_cells (lines[i]) - 1, columns - 1, lines[i]);
      rows++;
    }
  /* Four levels of evidence, the vote, the gaps and the roadmap. */
  g_assert_cmpuint (tables, ==, 7);
  g_assert_cmpuint (rows, >, 16 + 5 + 16);
  /* A user's line never starts a heading, a list or a quote of its own. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "# heading"));
      g_assert_false (g_str_has_prefix (lines[i], "> quote"));
      g_assert_false (g_str_has_prefix (lines[i], "<script"));
    }
  /* Markup from the session stays escaped text. */
  g_assert_false (g_regex_match_simple ("(?<!\\\\)<script", md, 0, 0));
  g_assert_false (g_regex_match_simple ("(?<!\\\\)\\]\\(http", md, 0, 0));
  g_assert_nonnull (strstr (md, "\\<script\\>"));
  /* Bidi overrides cannot reorder the table around a note. */
  g_assert_null (strstr (md, "\xe2\x80\xae"));
}

/* Escaping keeps the text readable: only what would become markup is escaped. */
static void
test_markdown_escaping (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *md = NULL;

  apmm_session_set_notes (session, "# not a heading\n1. not a list\nAT&T's *plan* costs 3.50 (net) &amp; more");
  apmm_session_set_evidence_note (session, "l1.tools-purchased", "a | b\nc_d");
  report = apmm_report_new (session, apmm_model_get_default (), 0);
  bytes = apmm_report_to_markdown (report);
  md = bytes_to_string (bytes);

  g_assert_nonnull (strstr (md, "\\# not a heading  \n1\\. not a list  \nAT\\&T's \\*plan\\* costs 3.50 (net) \\&amp; more"));
  g_assert_nonnull (strstr (md, "| a \\| b<br>c\\_d |"));
}

static void
test_hostile_csv (void)
{
  g_autoptr(ApmmSession) session = hostile_session ();
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);

  for (ApmmReportTable table = APMM_REPORT_TABLE_ACTIONS; table <= APMM_REPORT_TABLE_GAPS; table++)
    {
      g_autoptr(GBytes) bytes = apmm_report_to_csv (report, table);
      const char *argv[] = { "/usr/bin/python3", "-c",
        "import csv, sys\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "assert not data.startswith(b'\\xef\\xbb\\xbf')\n"
        "assert b'\\r\\n' in data\n"
        "rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8', errors='strict')))\n"
        "width = len(rows[0])\n"
        "for r in rows:\n"
        "    assert len(r) == width, r\n"
        "    for c in r:\n"
        "        assert not c or c[0] not in '=+-@\\t\\r', repr(c)\n"
        "print(len(rows) - 1)\n",
        NULL };
      g_autofree char *out = run (argv, bytes);
      g_autofree char *text = bytes_to_string (bytes);

      g_assert_cmpint (atoi (out), >, 0);
      if (table == APMM_REPORT_TABLE_ACTIONS)
        {
          g_assert_cmpint (atoi (out), ==, (int) apmm_report_get_n_actions (report));
          /* Neutralised with an apostrophe, the rest kept. */
          g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\""));
          g_assert_nonnull (strstr (text, "\"'-2+3\""));
        }
    }
}

static gboolean
fonts_embedded (GBytes *pdf)
{
  const char *argv[] = { "sh", "-c", "pdffonts \"$0\" | tail -n +3 | awk '{ print $(NF-4) }' | sort -u", NULL };
  g_autofree char *out = run (argv, pdf);

  /* One "yes" per font, and at least one font. */
  return g_strcmp0 (out, "yes\n") == 0;
}

static void
test_hostile_pdf_and_xlsx (void)
{
  g_autoptr(ApmmSession) session = hostile_session ();
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = apmm_report_to_pdf (report, APMM_PAPER_A4, &error);
  g_autoptr(GBytes) xlsx = NULL;
  g_autofree char *text = NULL;
  g_autofree char *book = NULL;

  if (!have_poppler ())
    return;

  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  assert_contains (text, "<script>alert(1)</script>", "PDF");
  assert_contains (text, "combining", "PDF");
  g_assert_true (fonts_embedded (pdf));

  xlsx = apmm_report_to_xlsx (report, &error);
  g_assert_no_error (error);
  book = xlsx_text (xlsx);
  /* Strings stay strings: the formula is text in a cell, not a formula. */
  assert_contains (book, "=HYPERLINK(\"http://evil.example/\",\"click\")", "the workbook");
  assert_contains (book, "]]><x>&amp;</x><![CDATA[", "the workbook");
}

/* ---- Layout -------------------------------------------------------------- */

static ApmmSession *
long_session (void)
{
  ApmmSession *session = load_example ("meridian-insurance");
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GString) note = g_string_new (NULL);

  /* 16 criteria × 130 words and more in the gaps: well over 2,000 words. */
  for (guint w = 0; w < 130; w++)
    g_string_append_printf (note, "word%u ", w);
  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const char *id = apmm_model_get_criterion (model, i)->id;
      g_autofree char *text = g_strdup_printf ("NOTE-%s %s", id, note->str);

      apmm_session_set_evidence_note (session, id, text);
      apmm_session_set_gap_note (session, id, note->str);
    }
  return session;
}

static void
test_long_session_pages (void)
{
  g_autoptr(ApmmSession) session = long_session ();
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = apmm_report_to_pdf (report, APMM_PAPER_A4, &error);
  g_autofree char *all = NULL;
  const char *headings[] = { "Level 1 · AI Licensed", "Level 2 · AI Active", "Level 3 · AI Reliable",
                             "Level 4 · AI Native", "Evidence", "Roadmap", NULL };
  int n;

  if (!have_poppler ())
    return;

  g_assert_no_error (error);
  n = pdf_pages (pdf);
  g_assert_cmpint (n, >=, 10);
  g_assert_true (fonts_embedded (pdf));
  for (int page = 1; page <= n; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", page, n);
      const char *last = NULL;

      /* Page numbers, and the running header after the cover. */
      if (page > 1)
        {
          assert_contains (text, footer, "a page");
          assert_contains (text, "Meridian Insurance — AI Production Maturity Assessment", "a page");
        }
      /* A page that continues the evidence repeats the table's header. */
      if (strstr (text, "word77") != NULL && strstr (text, "Gaps to level") == NULL
          && strstr (text, "Rank") == NULL && strstr (text, "Chasm") == NULL)
        assert_contains (text, "Confirmed by", "a page of evidence");
      /* No heading is the last line of a page. */
      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0' && !g_str_has_prefix (lines[i], "\f"))
          last = lines[i];
      for (guint h = 0; last != NULL && headings[h] != NULL; h++)
        g_assert_cmpstr (last, !=, headings[h]);
    }
  /* Nothing was lost between the pages. */
  all = pdf_text (pdf, 0);
  for (guint i = 0; i < apmm_model_get_n_criteria (apmm_model_get_default ()); i++)
    {
      g_autofree char *mark = g_strdup_printf ("NOTE-%s", apmm_model_get_criterion (apmm_model_get_default (), i)->id);

      assert_contains (all, mark, "the PDF");
    }
}

/* Every page's drawing stays on the page, and inside the margins but for
 * the running header and footer. */
static void
test_pages_stay_inside (void)
{
  g_autoptr(ApmmSession) session = hostile_session ();
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(ApmmReportPages) pages = NULL;
  double w, h;

  apmm_paper_get_size (APMM_PAPER_LETTER, &w, &h);
  pages = apmm_report_pages_new (report, w, h);
  g_assert_cmpuint (apmm_report_pages_get_n_pages (pages), >, 5);
  for (guint i = 0; i < apmm_report_pages_get_n_pages (pages); i++)
    {
      cairo_rectangle_t extents = { 0, 0, w, h };
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_t *cr = cairo_create (surface);
      double x0, y0, iw, ih;

      apmm_report_pages_draw (pages, cr, i);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x0, &y0, &iw, &ih);
      g_assert_cmpfloat (x0, >=, 0);
      g_assert_cmpfloat (y0, >=, 0);
      g_assert_cmpfloat (x0 + iw, <=, w + 0.5);
      g_assert_cmpfloat (y0 + ih, <=, h + 0.5);
      cairo_surface_destroy (surface);
    }
}

static void
test_paper (void)
{
  g_autoptr(ApmmSession) session = load_example ("northwind-logistics");
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(GBytes) a4 = apmm_report_to_pdf (report, APMM_PAPER_A4, NULL);
  g_autoptr(GBytes) letter = apmm_report_to_pdf (report, APMM_PAPER_LETTER, NULL);
  const char *argv[] = { "sh", "-c", "pdfinfo \"$0\" | sed -n 's/^Page size: *//p'", NULL };
  g_autofree char *a4_size = NULL;
  g_autofree char *letter_size = NULL;
  ApmmPaper paper;

  if (!have_poppler ())
    return;
  a4_size = run (argv, a4);
  letter_size = run (argv, letter);

  g_assert_true (g_str_has_prefix (a4_size, "595.276 x 841.89"));
  g_assert_true (g_str_has_prefix (letter_size, "612 x 792"));
  g_assert_true (apmm_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, APMM_PAPER_LETTER);
  g_assert_false (apmm_paper_from_string ("a5", &paper));
  /* The tests run in C.UTF-8, whose paper is A4. */
  g_assert_cmpint (apmm_paper_from_locale (), ==, APMM_PAPER_A4);
}

/* ---- The command line ------------------------------------------------------ */

static int
program (const char * const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) BUILD_ROOT "/src/apmm-workshop");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_program (void)
{
  g_autofree char *dir = g_dir_make_tmp ("apmm-report-cli-XXXXXX", NULL);
  const char *example = SRC_ROOT "/data/examples/halcyon-health.apmm";
  const char *outputs[] = { "r.pdf", "r.html", "r.md", NULL };

  for (guint i = 0; outputs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i], NULL);
      g_autofree char *output = g_strdup_printf ("--output=%s", path);
      const char *args[] = { "--export=report", output, "--anonymise", example, NULL };
      g_autofree char *err = NULL;

      g_assert_cmpint (program (args, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_unlink (path);
    }
  {
    g_autofree char *path = g_build_filename (dir, "b.xlsx", NULL);
    g_autofree char *output = g_strdup_printf ("--output=%s", path);
    const char *args[] = { "--export=xlsx", output, example, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (program (args, &err), ==, 0);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_unlink (path);
  }
  {
    g_autofree char *path = g_build_filename (dir, "g.csv", NULL);
    g_autofree char *output = g_strdup_printf ("--output=%s", path);
    const char *args[] = { "--export=csv", "--table=gaps", output, example, NULL };
    g_autofree char *err = NULL;
    g_autofree char *csv = NULL;

    g_assert_cmpint (program (args, &err), ==, 0);
    g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
    g_assert_true (g_str_has_prefix (csv, "rank,criterion,level,"));
    g_unlink (path);
  }
  {
    /* Wrong usage says why and exits 2; nothing is written. */
    const char *bad[][5] = {
      { "--export=report", "--output=x.docx", example, NULL },
      { "--export=report", "--output=x.html", "--paper=a4", example, NULL },
      { "--export=report", "--output=x.pdf", "--paper=a5", example, NULL },
      { "--export=csv", "--output=x.csv", "--table=people", example, NULL },
      { "--export=png", "--output=x.png", "--anonymise", example, NULL },
      { "--export=xlsx", example, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *err = NULL;

        g_assert_cmpint (program (bad[i], &err), ==, 2);
        g_assert_cmpstr (err, !=, "");
      }
  }
  {
    /* A table written over the session it comes from is refused; the session stays. */
    g_autofree char *copy = g_build_filename (dir, "s.apmm", NULL);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *output = g_strdup_printf ("--output=%s/./s.apmm", dir);
    const char *args[] = { "--export=csv", output, copy, NULL };
    g_autofree char *err = NULL;

    g_assert_true (g_file_get_contents (example, &before, NULL, NULL));
    g_assert_true (g_file_set_contents (copy, before, -1, NULL));
    g_assert_cmpint (program (args, &err), ==, 2);
    g_assert_nonnull (strstr (err, "is the session being exported"));
    g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, before);
    g_unlink (copy);
  }
  g_rmdir (dir);
}

/* The cover lists the sections with the pages they start on, and they are there. */
static void
test_contents (void)
{
  g_autoptr(ApmmSession) session = load_example ("meridian-insurance");
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = apmm_report_to_pdf (report, APMM_PAPER_A4, &error);
  g_autofree char *cover = NULL;
  g_autoptr(GRegex) entry = g_regex_new ("^(.+) (\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const char *contents;
  guint n = 0;

  g_assert_no_error (error);
  if (!have_poppler ())
    return;
  cover = pdf_text (pdf, 1);
  contents = strstr (cover, "Contents\n");
  g_assert_nonnull (contents);
  for (g_regex_match (entry, contents, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *title = g_match_info_fetch (match, 1);
      g_autofree char *number = g_match_info_fetch (match, 2);
      g_autofree char *page = pdf_text (pdf, atoi (number));
      g_autofree char *heading = g_strdup_printf ("\n%s\n", title);

      /* The section's heading is on the page the contents name. */
      if (strstr (page, heading) == NULL)
        g_error ("“%s” is not on page %s", title, number);
      n++;
    }
  g_assert_cmpuint (n, ==, 6);
}

/* A new, empty session still gives a whole report in every format. */
static void
test_empty_session (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), APMM_REPORT_ANONYMISED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = apmm_report_to_pdf (report, APMM_PAPER_LETTER, &error);
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GBytes) md = apmm_report_to_markdown (report);
  g_autoptr(GBytes) html = apmm_report_to_html (report);
  g_autoptr(GBytes) csv = apmm_report_to_csv (report, APMM_REPORT_TABLE_ACTIONS);
  g_autofree char *md_text = bytes_to_string (md);
  g_autofree char *csv_text = bytes_to_string (csv);

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  xlsx = apmm_report_to_xlsx (report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (html), >, 1000);
  /* The title stands in for the organisation; the empty parts say so. */
  g_assert_true (g_str_has_prefix (md_text, "# AI Production Maturity Assessment\n"));
  g_assert_nonnull (strstr (md_text, "No actions yet."));
  g_assert_nonnull (strstr (md_text, "The room did not vote."));
  g_assert_cmpstr (csv_text, ==, "id,title,description,owner,horizon,due,status,success_measure,closes,closes_titles\r\n");
}

/* Without --paper, the paper is the locale's: US Letter where LC_PAPER says
 * so, A4 elsewhere. The en_US locale is compiled for the test when glibc's
 * locale sources are there. */
static void
test_paper_from_locale (void)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *dir = g_dir_make_tmp ("apmm-locale-XXXXXX", NULL);
  g_autofree char *locale_dir = g_build_filename (dir, "en_US.UTF-8", NULL);
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", pdf);
  g_autofree char *info = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) env = NULL;
  const char *argv[] = { BUILD_ROOT "/src/apmm-workshop", "--export=report", output,
                         SRC_ROOT "/data/examples/northwind-logistics.apmm", NULL };
  int status = 1;

  if (localedef == NULL || !g_file_test ("/usr/share/i18n/locales/en_US", G_FILE_TEST_EXISTS) || !have_poppler ())
    {
      if (localedef == NULL || !g_file_test ("/usr/share/i18n/locales/en_US", G_FILE_TEST_EXISTS))
        g_test_skip ("localedef and glibc's en_US locale source are needed");
      return;
    }
  {
    const char *def[] = { localedef, "-i", "en_US", "-f", "UTF-8", locale_dir, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) def, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, NULL));
  }
  env = g_get_environ ();
  env = g_environ_setenv (env, "LOCPATH", dir, TRUE);
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LC_PAPER", "en_US.UTF-8", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  command = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &info, NULL, NULL, NULL));
  g_assert_nonnull (strstr (info, "612 x 792"));

  g_unlink (pdf);
  {
    g_autoptr(GDir) d = g_dir_open (locale_dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (locale_dir, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          {
            g_autofree char *inner = g_build_filename (path, "SYS_LC_MESSAGES", NULL);

            g_unlink (inner);
            g_rmdir (path);
          }
        else
          g_unlink (path);
      }
  }
  g_rmdir (locale_dir);
  g_rmdir (dir);
}

/* The ladder exports say whose ladder it is, and when. */
static void
test_ladder_caption (void)
{
  g_autofree char *dir = g_dir_make_tmp ("apmm-caption-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ladder.pdf", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", path);
  const char *args[] = { "--export=pdf", output, SRC_ROOT "/data/examples/northwind-logistics.apmm", NULL };
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!have_poppler ())
    return;
  g_assert_cmpint (program (args, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  pdf = g_bytes_new (contents, length);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Northwind Logistics · 2026-"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_since_baseline (void)
{
  g_autoptr(ApmmSession) later = load_data_file ("meridian-insurance-later.apmm");
  g_autoptr(ApmmSession) plain = load_example ("meridian-insurance");
  g_autoptr(ApmmReport) report = apmm_report_new (later, apmm_model_get_default (), APMM_REPORT_DEFAULT);
  g_autoptr(ApmmReport) without = apmm_report_new (plain, apmm_model_get_default (), APMM_REPORT_DEFAULT);
  g_autoptr(GBytes) md_bytes = apmm_report_to_markdown (report);
  g_autoptr(GBytes) html_bytes = apmm_report_to_html (report);
  g_autoptr(GBytes) md_without_bytes = apmm_report_to_markdown (without);
  g_autoptr(GBytes) html_without_bytes = apmm_report_to_html (without);
  g_autofree char *md = bytes_to_string (md_bytes);
  g_autofree char *html = bytes_to_string (html_bytes);
  g_autofree char *md_without = bytes_to_string (md_without_bytes);
  g_autofree char *html_without = bytes_to_string (html_without_bytes);

  g_assert_nonnull (strstr (md, "## Since the baseline\n\n- Evidence level: 2 → 3 (+1 since 2026-03-12)\n"));
  g_assert_nonnull (strstr (md, "- Rollback procedure: Partly → Met\n"));
  g_assert_nonnull (strstr (html, "<h2>Since the baseline</h2>"));
  g_assert_nonnull (strstr (html, "<li><bdi>Rollback procedure: Partly → Met</bdi></li>"));
  g_assert_null (strstr (md_without, "Since the baseline"));
  g_assert_null (strstr (html_without, "Since the baseline"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-export/every-item-everywhere", test_every_item_everywhere);
  g_test_add_func ("/report-export/anonymised-everywhere", test_anonymised_everywhere);
  g_test_add_func ("/report-export/hostile/html", test_hostile_html);
  g_test_add_func ("/report-export/hostile/markdown", test_hostile_markdown);
  g_test_add_func ("/report-export/hostile/csv", test_hostile_csv);
  g_test_add_func ("/report-export/markdown-escaping", test_markdown_escaping);
  g_test_add_func ("/report-export/hostile/pdf-xlsx", test_hostile_pdf_and_xlsx);
  g_test_add_func ("/report-export/layout/long-session", test_long_session_pages);
  g_test_add_func ("/report-export/layout/inside-the-page", test_pages_stay_inside);
  g_test_add_func ("/report-export/paper", test_paper);
  g_test_add_func ("/report-export/program", test_program);
  g_test_add_func ("/report-export/ladder-caption", test_ladder_caption);
  g_test_add_func ("/report-export/empty-session", test_empty_session);
  g_test_add_func ("/report-export/paper-from-locale", test_paper_from_locale);
  g_test_add_func ("/report-export/contents", test_contents);
  g_test_add_func ("/report-export/since-baseline", test_since_baseline);

  return g_test_run ();
}
