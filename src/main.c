/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "apmm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ApmmApplication) app = NULL;

  /* A write past the file size limit then fails with EFBIG, which the file
   * writer reports and recovers from, instead of killing the app mid-save. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = apmm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
