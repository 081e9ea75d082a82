/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-io-util.h"

/**
 * kl_io_write_file:
 * @store: the database
 * @path: the file to write
 * @write: writes the content to a stream
 * @data: data for @write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes an export to @path, replacing an existing file only once the
 * export is complete, so a failed or cancelled export leaves nothing
 * half-written. The file is readable only by the user: exports hold
 * personal data. Errors name the file.
 */
gboolean
kl_io_write_file (KlStore        *store,
                  const char     *path,
                  KlIoWriteFunc   write,
                  gpointer        data,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", path, local_error->message);
      return FALSE;
    }

  if (!write (store, G_OUTPUT_STREAM (stream), data, cancellable, &local_error))
    {
      /* Closing a cancelled replace removes the temporary file and keeps
       * whatever was at @path before. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
