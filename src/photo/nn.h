/* photo/nn.h -- neural networks run through the OpenCV module, opened on first use (nn.c). */
#ifndef SSCARD_PHOTO_NN_H
#define SSCARD_PHOTO_NN_H

#include <stddef.h>

/*
 * Runs the network models/name.onnx on one c x h x w float input (channels
 * interleaved: h rows of w pixels of c values) and puts its output named
 * output (NULL: the first), which must hold out_n values, in out.  Returns 0,
 * or -1 with *cause (translated, for the citizen: what is missing and how to
 * install it, or that the file is damaged); caller frees.
 */
int	nn_run(const char *, const float *, int, int, int, const char *, float *,
	    size_t, char **);
/*
 * Opens the module and reads the network name now, so that its first
 * nn_run need not (a thread can do it while a photo is decoded).  What
 * fails here is left for nn_run to report.
 */
void	nn_read_ahead(const char *);
/*
 * Drops the network name read by nn_run, and the layer buffers its runs
 * set up (8 MB for the segmentation network): the next run reads it again.
 */
void	nn_forget(const char *);
/* 1 when the module and the network name can be found (nothing is read). */
int	nn_available(const char *);

#endif
