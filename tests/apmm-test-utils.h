/* apmm-test-utils.h — what the widget tests share: finding, clicking, showing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

typedef gboolean (*ApmmTestMatch) (GtkWidget     *widget,
                                   gconstpointer  data);

#define APMM_TEST_TYPE(t) GSIZE_TO_POINTER (t)

GtkWidget   *apmm_test_find_widget           (GtkWidget     *root,
                                              ApmmTestMatch  match,
                                              gconstpointer  data);
GtkWidget   *apmm_test_find_nth              (GtkWidget     *root,
                                              ApmmTestMatch  match,
                                              gconstpointer  data,
                                              guint          n);
gboolean     apmm_test_is_of_type            (GtkWidget     *widget,
                                              gconstpointer  type);
gboolean     apmm_test_is_button_labelled    (GtkWidget     *widget,
                                              gconstpointer  label);
gboolean     apmm_test_is_button_with_icon   (GtkWidget     *widget,
                                              gconstpointer  icon_name);
gboolean     apmm_test_is_label_with_text    (GtkWidget     *widget,
                                              gconstpointer  text);
gboolean     apmm_test_is_mnemonic_label     (GtkWidget     *widget,
                                              gconstpointer  text);
void         apmm_test_assert_accessible_label (GtkWidget   *widget,
                                                const char  *expected);
void         apmm_test_click                 (GtkWidget     *button);
void         apmm_test_iterate               (void);
void         apmm_test_wait_for_frame        (GtkWidget     *widget);
guint        apmm_test_count_colours         (GtkWidget     *ancestor,
                                              GtkWidget     *widget);
void         apmm_test_wait_for_scrolling    (GtkScrolledWindow *scrolled);
GtkWidget   *apmm_test_list_row              (GtkWidget     *root,
                                              const char    *row_class,
                                              guint          index);
void         apmm_test_assert_draws_rows_in_view (GtkWidget *first_row,
                                                  GtkWidget *last_row);
GtkWidget   *apmm_test_show_in_window        (GtkWidget     *child,
                                              int            width);
void         apmm_test_set_level_status      (ApmmSession   *session,
                                              guint          level,
                                              ApmmStatus     status);
ApmmSession *apmm_test_load_example          (const char    *basename);
void         apmm_test_assert_fits_width     (GtkWidget     *page,
                                              int            max_width);

G_END_DECLS
