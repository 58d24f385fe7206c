/* photo/mesh.c -- 468 landmarks of a face: MediaPipe's FaceMesh network. */
#include "lib/system.h"

#include <math.h>
#include <stdlib.h>

#include "photo/mesh.h"
#include "photo/nn.h"
#include "lib/xmalloc.h"

/* The network's input side (RGB 0-1) and the output holding its points (x, y, z). */
#define MESH_SIDE	192
#define MESH_NAME	"facemesh"
#define MESH_OUTPUT	"Identity_2"
/* The square cut around the landmarks found, as a multiple of their extent. */
#define MESH_MARGIN	1.5

/* Contours of the eyes (the subject's right eye first, on the image's left). */
static const int eye_ring[2][16] = {
	{ 33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246 },
	{ 263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466 },
};
/* The face's outline at the ear roots (image left, right) and the chin. */
#define MESH_CHEEK_L	234
#define MESH_CHEEK_R	454
#define MESH_CHIN	152
/* The inner edges of the upper and lower lip, in the middle of the mouth. */
#define MESH_LIP_UP	13
#define MESH_LIP_DOWN	14

static void	cut_square(const struct image *, double, double, double, float *);
static int	run_square(const struct image *, double, double, double, struct mesh *,
		    char **);

/*
 * The square (x0, y0, side) resampled bilinearly to the input, corners to
 * corners; outside the photo is black, as TensorFlow's crop-and-resize has it.
 */
static void
cut_square(const struct image *im, double x0, double y0, double side, float *in)
{
	double k = side / (MESH_SIDE - 1), sx, sy, ax, ay, v;
	int x, y, c, ix, iy, dx, dy, px, py;

	for (y = 0; y < MESH_SIDE; y++)
		for (x = 0; x < MESH_SIDE; x++) {
			sx = x0 + x * k;
			sy = y0 + y * k;
			ix = (int)floor(sx);
			iy = (int)floor(sy);
			ax = sx - ix;
			ay = sy - iy;
			for (c = 0; c < 3; c++) {
				for (v = 0, dy = 0; dy < 2; dy++)
					for (dx = 0; dx < 2; dx++) {
						px = ix + dx;
						py = iy + dy;
						if (px < 0 || py < 0 || px >= im->w || py >= im->h)
							continue;
						v += (dx ? ax : 1 - ax) * (dy ? ay : 1 - ay) *
						    im->px[((size_t)py * im->w + px) * 3 + c];
					}
				in[((size_t)y * MESH_SIDE + x) * 3 + c] = (float)(v / 255);
			}
		}
}

/* One run of the network on the square centred on (cx, cy). */
static int
run_square(const struct image *im, double cx, double cy, double side, struct mesh *m,
    char **cause)
{
	float *in = xreallocarray(NULL, MESH_SIDE * MESH_SIDE * 3 + MESH_POINTS * 3,
	    sizeof *in), *out = in + MESH_SIDE * MESH_SIDE * 3;
	double x0 = cx - side / 2, y0 = cy - side / 2, k = side / MESH_SIDE;
	int i, rc;

	cut_square(im, x0, y0, side, in);
	rc = nn_run(MESH_NAME, in, 3, MESH_SIDE, MESH_SIDE, MESH_OUTPUT, out,
	    MESH_POINTS * 3, cause);
	for (i = 0; rc == 0 && i < MESH_POINTS; i++) {
		m->x[i] = x0 + out[i * 3] * k;
		m->y[i] = y0 + out[i * 3 + 1] * k;
		/* A damaged network must not place a point anywhere at all. */
		if (!isfinite(m->x[i]) || !isfinite(m->y[i])) {
			m->x[i] = cx;
			m->y[i] = cy;
		}
	}
	free(in);
	return (rc);
}

int
mesh_find(const struct image *im, double cx, double cy, double side, struct mesh *m,
    char **cause)
{
	double x0, x1, y0, y1;
	int i;

	if (run_square(im, cx, cy, side, m, cause) != 0)
		return (-1);
	x0 = x1 = m->x[0];
	y0 = y1 = m->y[0];
	for (i = 1; i < MESH_POINTS; i++) {
		x0 = fmin(x0, m->x[i]);
		x1 = fmax(x1, m->x[i]);
		y0 = fmin(y0, m->y[i]);
		y1 = fmax(y1, m->y[i]);
	}
	return (run_square(im, (x0 + x1) / 2, (y0 + y1) / 2,
	    MESH_MARGIN * fmax(x1 - x0, y1 - y0), m, cause));
}

int
mesh_available(void)
{
	return (nn_available(MESH_NAME));
}

void
mesh_measure(const struct mesh *m, struct mesh_face *f)
{
	double sx[2] = { 0, 0 }, sy[2] = { 0, 0 };
	int e, i;

	for (e = 0; e < 2; e++)
		for (i = 0; i < 16; i++) {
			sx[e] += m->x[eye_ring[e][i]] / 16;
			sy[e] += m->y[eye_ring[e][i]] / 16;
		}
	f->lx = sx[0];
	f->ly = sy[0];
	f->rx = sx[1];
	f->ry = sy[1];
	f->face_l = m->x[MESH_CHEEK_L];
	f->face_r = m->x[MESH_CHEEK_R];
	f->chin_y = m->y[MESH_CHIN];
	f->lip_ux = m->x[MESH_LIP_UP];
	f->lip_uy = m->y[MESH_LIP_UP];
	f->lip_dx = m->x[MESH_LIP_DOWN];
	f->lip_dy = m->y[MESH_LIP_DOWN];
}
