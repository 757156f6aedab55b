/* apmm-application.c — the application: command line, windows, app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "apmm-application.h"
#include "apmm-cli.h"
#include "apmm-drafts.h"
#include "apmm-export.h"
#include "apmm-preferences-window.h"
#include "apmm-report-export.h"
#include "apmm-session-file.h"
#include "apmm-window.h"

struct _ApmmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        drafts_checked;
  gboolean        options_parsed;
  /* Files given to open() still being read. */
  guint           n_opening;
};

G_DEFINE_FINAL_TYPE (ApmmApplication, apmm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "summary", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the verdict for a session file as JSON and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check session files; print one line per invalid file and exit"), NULL },
  { "compare", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Compare an earlier session file with a later one; print the changes as JSON and exit"), NULL },
  { "merge", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Merge breakout groups’ session files into --output; print the disputed criteria and exit"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export a session file and exit: the ladder (png, svg or pdf), the report, xlsx or csv"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Where --export or --merge writes"), N_("PATH") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Image size for --export=png, default 1920x1080"), N_("WxH") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper for a PDF report (a4 or letter), default from the locale"), N_("SIZE") },
  { "table", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Which table --export=csv writes: actions (default), criteria or gaps"), N_("TABLE") },
  { "anonymise", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave every participant name out of a report, workbook or CSV"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

static int
finish_cli (GString *out,
            GString *err,
            int      status)
{
  /* Plain stdio: the command line must not depend on GLib's print handlers. */
  fputs (out->str, stdout);
  fputs (err->str, stderr);
  fflush (stdout);
  fflush (stderr);

  return status;
}

static int
usage_error (const char *message)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_string_append_printf (err, "apmm-workshop: %s\n", message);
  g_string_append (err, _("Run “apmm-workshop --help” for the options."));
  g_string_append_c (err, '\n');

  return finish_cli (out, err, APMM_EXIT_USAGE);
}

static int
apmm_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  g_autofree const char **files = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  const char *format = NULL;
  const char *output = NULL;
  const char *size = NULL;
  const char *paper = NULL;
  const char *table = NULL;
  gboolean anonymise = FALSE;
  gboolean summary = FALSE;
  gboolean validate = FALSE;
  gboolean compare = FALSE;
  gboolean merge = FALSE;
  guint n_files;

  APMM_APPLICATION (app)->options_parsed = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_string_append_printf (out, "apmm-workshop %s\n", PACKAGE_VERSION);
      return finish_cli (out, err, APMM_EXIT_OK);
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  n_files = files != NULL ? g_strv_length ((char **) files) : 0;
  summary = g_variant_dict_contains (options, "summary");
  validate = g_variant_dict_contains (options, "validate");
  compare = g_variant_dict_contains (options, "compare");
  merge = g_variant_dict_contains (options, "merge");
  g_variant_dict_lookup (options, "export", "&s", &format);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "size", "&s", &size);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  g_variant_dict_lookup (options, "table", "&s", &table);
  anonymise = g_variant_dict_contains (options, "anonymise");

  if ((summary ? 1 : 0) + (validate ? 1 : 0) + (format != NULL ? 1 : 0) +
      (compare ? 1 : 0) + (merge ? 1 : 0) > 1)
    return usage_error (_("--summary, --validate, --compare, --merge and --export cannot be combined"));
  if ((paper != NULL || table != NULL || anonymise) && !apmm_report_export_kind_is_known (format))
    return usage_error (_("--paper, --table and --anonymise go with --export=report, xlsx or csv"));

  if (merge)
    {
      if (size != NULL)
        return usage_error (_("--size goes with --export"));
      if (output == NULL)
        return usage_error (_("--merge needs --output=PATH"));
      if (n_files < 2 || n_files > 20)
        return usage_error (_("--merge takes 2 to 20 FILEs, one per breakout group"));
      return finish_cli (out, err, apmm_cli_merge (files, output, out, err));
    }

  if ((output != NULL || size != NULL) && format == NULL)
    return usage_error (_("--output and --size go with --export"));

  if (apmm_report_export_kind_is_known (format))
    {
      if (output == NULL)
        return usage_error (_("--export needs --output=PATH"));
      if (n_files != 1)
        return usage_error (_("--export takes exactly one FILE"));
      if (size != NULL)
        return usage_error (_("--size goes with --export=png"));
      return finish_cli (out, err, apmm_report_export_cli (format, output, paper, table, anonymise,
                                                           files[0], err));
    }

  if (compare)
    {
      if (n_files != 2)
        return usage_error (_("--compare takes exactly two FILEs: the earlier session, then the later"));
      return finish_cli (out, err, apmm_cli_compare (files[0], files[1], out, err));
    }

  if (summary)
    {
      if (n_files != 1)
        return usage_error (_("--summary takes exactly one FILE"));
      return finish_cli (out, err, apmm_cli_summary (files[0], out, err));
    }

  if (validate)
    {
      if (n_files == 0)
        return usage_error (_("--validate needs at least one FILE"));
      return finish_cli (out, err, apmm_cli_validate (files, out, err));
    }

  if (format != NULL)
    {
      g_autofree char *message = NULL;

      if (!apmm_export_format_is_known (format))
        {
          g_autofree char *known = g_strdup_printf ("%s, report, xlsx, csv", apmm_export_list_formats ());

          message = g_strdup_printf (_("unknown export format “%s” (known: %s)"), format, known);
          return usage_error (message);
        }
      if (output == NULL)
        return usage_error (_("--export needs --output=PATH"));
      if (n_files != 1)
        return usage_error (_("--export takes exactly one FILE"));
      return finish_cli (out, err, apmm_export_cli (format, output, size, files[0], err));
    }

  /* Files to open in the interface: hand them to the primary instance. */
  if (n_files > 0)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));

      if (!g_application_register (app, NULL, &error))
        {
          g_string_append_printf (err, "apmm-workshop: %s\n", error->message);
          return finish_cli (out, err, APMM_EXIT_INVALID);
        }

      g_application_open (app, (GFile **) gfiles->pdata, gfiles->len, "");
      return g_application_get_is_remote (app) ? APMM_EXIT_OK : -1;
    }

  return -1;
}

/* GApplication answers an option it cannot parse with status 1 before our
 * handler runs; the documented status for wrong options is 2. */
static gboolean
apmm_application_local_command_line (GApplication   *app,
                                     char         ***arguments,
                                     int            *exit_status)
{
  gboolean handled;

  handled = G_APPLICATION_CLASS (apmm_application_parent_class)->local_command_line (app, arguments,
                                                                                     exit_status);
  if (handled && *exit_status == 1 && !APMM_APPLICATION (app)->options_parsed)
    *exit_status = APMM_EXIT_USAGE;

  return handled;
}

static ApmmWindow *
find_disposable_window (ApmmApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (APMM_IS_WINDOW (active) && apmm_window_is_disposable (APMM_WINDOW (active)))
    return APMM_WINDOW (active);

  return NULL;
}

static ApmmWindow *
find_any_window (ApmmApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (APMM_IS_WINDOW (active))
    return APMM_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (APMM_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
recovered_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ApmmApplication) self = user_data;
  g_autoptr(ApmmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ApmmWindow *window;

  document = apmm_document_recover_finish (result, &error);
  window = document != NULL ? find_disposable_window (self) : find_any_window (self);
  if (window == NULL)
    window = apmm_window_new (GTK_APPLICATION (self));

  if (document != NULL)
    apmm_window_set_document (window, document);
  else
    apmm_window_show_error (window, _("Could Not Recover the Draft"), error->message);
  gtk_window_present (GTK_WINDOW (window));

  g_application_release (G_APPLICATION (self));
}

static void
recover_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ApmmApplication  *self)
{
  g_autoptr(GPtrArray) drafts = apmm_drafts_list ();

  if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < drafts->len; i++)
        apmm_drafts_remove (((ApmmDraftInfo *) g_ptr_array_index (drafts, i))->id, NULL);
      return;
    }

  if (!g_str_equal (response, "recover"))
    return;

  /* Each draft is read in the background, then shown in a window. */
  for (guint i = 0; i < drafts->len; i++)
    {
      ApmmDraftInfo *info = g_ptr_array_index (drafts, i);

      g_application_hold (G_APPLICATION (self));
      apmm_document_recover_async (info->id, info->draft, info->origin, NULL,
                                   recovered_cb, g_object_ref (self));
    }
}

static void
offer_recovery (ApmmApplication *self,
                GtkWindow       *parent)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GString) body = NULL;
  AdwMessageDialog *dialog;

  if (self->drafts_checked)
    return;
  self->drafts_checked = TRUE;

  drafts = apmm_drafts_list ();
  if (drafts->len == 0)
    return;

  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "APMM Workshop closed before this session was saved:",
                                    "APMM Workshop closed before these sessions were saved:",
                                    drafts->len));
  for (guint i = 0; i < drafts->len; i++)
    {
      ApmmDraftInfo *info = g_ptr_array_index (drafts, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (info->modified);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *where = info->origin != NULL ? g_file_get_basename (info->origin) : NULL;
      const char *title = info->title != NULL && info->title[0] != '\0' ? info->title : _("Untitled Session");

      g_string_append_printf (body, "\n• %s — %s%s%s", title, where != NULL ? where : _("never saved"),
                              ", ", when);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Recover Unsaved Work?"), body->str));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recover_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apmm_application_activate (GApplication *app)
{
  ApmmApplication *self = APMM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (apmm_window_new (GTK_APPLICATION (self)));
      /* Started with files: the window waits for them, without a welcome. */
      if (self->n_opening > 0)
        apmm_window_set_opening (APMM_WINDOW (window), TRUE);
    }

  gtk_window_present (window);
  offer_recovery (self, window);
}

typedef struct {
  ApmmApplication *self;
  GFile           *file;
} OpenRequest;

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenRequest *req = user_data;
  ApmmApplication *self = req->self;
  g_autoptr(ApmmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ApmmWindow *window;

  /* A bad file opens no window of its own: the reason is shown over the
   * window the user is already in. */
  document = apmm_document_load_finish (result, &error);
  self->n_opening--;
  window = apmm_window_find_for_file (GTK_APPLICATION (self), req->file);
  if (window == NULL)
    {
      window = document != NULL ? find_disposable_window (self) : find_any_window (self);
      if (window == NULL)
        window = apmm_window_new (GTK_APPLICATION (self));

      if (document != NULL)
        apmm_window_take_loaded (window, document);
      else
        apmm_window_show_open_error (window, req->file, error);
    }
  /* Nothing more to wait for: a window still empty welcomes. */
  if (self->n_opening == 0)
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
      if (APMM_IS_WINDOW (l->data))
        apmm_window_set_opening (l->data, FALSE);
  gtk_window_present (GTK_WINDOW (window));

  offer_recovery (self, GTK_WINDOW (window));

  g_application_release (G_APPLICATION (self));
  g_object_unref (req->self);
  g_object_unref (req->file);
  g_free (req);
}

static void
apmm_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  ApmmApplication *self = APMM_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      ApmmWindow *window = apmm_window_find_for_file (GTK_APPLICATION (self), files[i]);
      OpenRequest *req;

      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          offer_recovery (self, GTK_WINDOW (window));
          continue;
        }

      /* Read in the background; the window is chosen when the file is in. */
      req = g_new0 (OpenRequest, 1);
      req->self = g_object_ref (self);
      req->file = g_object_ref (files[i]);
      g_application_hold (app);
      self->n_opening++;
      apmm_document_load_async (files[i], NULL, opened_cb, req);
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "APMM Workshop contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("APMM Workshop"),
                         "application-icon", APP_ID,
                         "developer-name", _("APMM Workshop contributors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Facilitate AI Readiness Workshops with the AI Production "
                                       "Maturity Model: grade an organisation’s AI by observable "
                                       "evidence, map the gaps and leave with a roadmap."),
                         "website", "https://github.com/apmm-workshop/apmm-workshop",
                         "issue-url", "https://github.com/apmm-workshop/apmm-workshop/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 APMM Workshop contributors",
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = GTK_WINDOW (apmm_preferences_window_new ());

  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_present (window);
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
apmm_application_startup (GApplication *app)
{
  ApmmApplication *self = APMM_APPLICATION (app);
  AdwStyleManager *style = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", NULL };

  G_APPLICATION_CLASS (apmm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);

  self->settings = g_settings_new (APP_ID);
  style = adw_style_manager_get_default ();
  g_settings_bind_with_mapping (self->settings, "color-scheme", style, "color-scheme",
                                G_SETTINGS_BIND_GET, color_scheme_get_mapping, NULL, NULL, NULL);
}

static void
apmm_application_dispose (GObject *object)
{
  ApmmApplication *self = APMM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (apmm_application_parent_class)->dispose (object);
}

static void
apmm_application_class_init (ApmmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = apmm_application_dispose;
  app_class->handle_local_options = apmm_application_handle_local_options;
  app_class->local_command_line = apmm_application_local_command_line;
  app_class->activate = apmm_application_activate;
  app_class->open = apmm_application_open;
  app_class->startup = apmm_application_startup;
}

static void
apmm_application_init (ApmmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Facilitate AI Readiness Workshops with the AI Production Maturity Model."));
  g_application_set_option_context_description (G_APPLICATION (self),
    _("Without options, opens the FILEs (session files, *.apmm) in windows.\n"
      "\n"
      "Headless commands (no display needed):\n"
      "  apmm-workshop --summary FILE\n"
      "  apmm-workshop --validate FILE…\n"
      "  apmm-workshop --compare OLD NEW\n"
      "  apmm-workshop --merge FILE… --output=PATH\n"
      "  apmm-workshop --export=png|svg|pdf --output=PATH [--size=WxH] FILE\n"
      "  apmm-workshop --export=report --output=REPORT.pdf|.html|.md [--paper=a4|letter] [--anonymise] FILE\n"
      "  apmm-workshop --export=xlsx --output=BOOK.xlsx [--anonymise] FILE\n"
      "  apmm-workshop --export=csv --output=ACTIONS.csv [--table=actions|criteria|gaps] [--anonymise] FILE\n"
      "\n"
      "Exit status: 0 success; 1 a file is not a valid session or an output\n"
      "could not be written; 2 wrong options."));
}

ApmmApplication *
apmm_application_new (void)
{
  return g_object_new (APMM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/apmm/Workshop",
                       "register-session", TRUE,
                       NULL);
}
