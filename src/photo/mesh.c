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
/*
 * MediaPipe's iris network: the square around an eye's corners, IRIS_ENLARGE
 * times the eye's width, in at IRIS_SIDE; of its 76 points (x, y, z) the
 * 72nd is the iris's centre.  It was trained on one eye: the other, the one
 * on the image's left, goes in mirrored (as MediaPipe and Human feed it).
 */
#define IRIS_SIDE	64
#define IRIS_NAME	"iris"
#define IRIS_OUTPUT	"Identity_nhwc"
#define IRIS_POINTS	76
#define IRIS_CENTRE	71
#define IRIS_ENLARGE	2.3

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

static void	cut_square(const struct image *, double, double, double, int, int,
		    float *);
static int	iris_centre(const struct image *, const struct mesh *, int, double *,
		    double *, char **);
static int	run_square(const struct image *, double, double, double, int,
		    struct mesh *, char **);

/*
 * The square (x0, y0, side) resampled bilinearly to an n x n input (mirrored
 * left to right when mirror is set), corners to corners; outside the photo
 * is black, as TensorFlow's crop-and-resize has it.  It runs before every
 * network run, on the way to the answer: the four neighbours and their
 * weights are found once per pixel, not per channel.
 */
static void
cut_square(const struct image *im, double x0, double y0, double side, int n,
    int mirror, float *in)
{
	static const uint8_t black[3];
	const uint8_t *p[4];
	double k = side / (n - 1), sx, sy, ax, ay, w[4];
	int x, y, c, i, ix, iy, px, py;

	for (y = 0; y < n; y++) {
		sy = y0 + y * k;
		iy = (int)floor(sy);
		ay = sy - iy;
		for (x = 0; x < n; x++, in += 3) {
			sx = x0 + (mirror ? n - 1 - x : x) * k;
			ix = (int)floor(sx);
			ax = sx - ix;
			w[0] = (1 - ax) * (1 - ay);
			w[1] = ax * (1 - ay);
			w[2] = (1 - ax) * ay;
			w[3] = ax * ay;
			for (i = 0; i < 4; i++) {
				px = ix + (i & 1);
				py = iy + (i >> 1);
				p[i] = px < 0 || py < 0 || px >= im->w || py >= im->h ? black :
				    im->px + ((size_t)py * im->w + px) * 3;
			}
			for (c = 0; c < 3; c++)
				in[c] = (float)((w[0] * p[0][c] + w[1] * p[1][c] +
				    w[2] * p[2][c] + w[3] * p[3][c]) / 255);
		}
	}
}

/*
 * One run of the network on the square centred on (cx, cy), mirrored left
 * to right when mirror is set (its points then placed back unmirrored, each
 * keeping the network's label: its 234 lies on the image's right).
 */
static int
run_square(const struct image *im, double cx, double cy, double side, int mirror,
    struct mesh *m, char **cause)
{
	float *in = xreallocarray(NULL, MESH_SIDE * MESH_SIDE * 3 + MESH_POINTS * 3,
	    sizeof *in), *out = in + MESH_SIDE * MESH_SIDE * 3;
	double x0 = cx - side / 2, y0 = cy - side / 2, k = side / MESH_SIDE;
	int i, rc;

	cut_square(im, x0, y0, side, MESH_SIDE, mirror, in);
	rc = nn_run(MESH_NAME, in, 3, MESH_SIDE, MESH_SIDE, MESH_OUTPUT, out,
	    MESH_POINTS * 3, cause);
	for (i = 0; rc == 0 && i < MESH_POINTS; i++) {
		m->x[i] = mirror ? x0 + side - out[i * 3] * k : x0 + out[i * 3] * k;
		m->y[i] = y0 + out[i * 3 + 1] * k;
		m->z[i] = out[i * 3 + 2] * k;
		/* A damaged network must not place a point anywhere at all. */
		if (!isfinite(m->x[i]) || !isfinite(m->y[i]) || !isfinite(m->z[i])) {
			m->x[i] = cx;
			m->y[i] = cy;
			m->z[i] = 0;
		}
	}
	free(in);
	return (rc);
}

int
mesh_find(const struct image *im, double cx, double cy, double side, struct mesh *m,
    char **cause)
{
	struct mesh mm;
	double x0, x1, y0, y1;
	int i;

	if (run_square(im, cx, cy, side, 0, m, cause) != 0)
		return (-1);
	x0 = x1 = m->x[0];
	y0 = y1 = m->y[0];
	for (i = 1; i < MESH_POINTS; i++) {
		x0 = fmin(x0, m->x[i]);
		x1 = fmax(x1, m->x[i]);
		y0 = fmin(y0, m->y[i]);
		y1 = fmax(y1, m->y[i]);
	}
	cx = (x0 + x1) / 2;
	cy = (y0 + y1) / 2;
	side = MESH_MARGIN * fmax(x1 - x0, y1 - y0);
	if (run_square(im, cx, cy, side, 0, m, cause) != 0)
		return (-1);
	/*
	 * The outline at the ear roots is where FaceMesh is least sure, and it
	 * leans: on the hand-placed landmarks the image's left edge sat 2 px
	 * inside, the right one not.  The same square mirrored sees each edge
	 * as the other; the two are averaged (face width p90 6.2 -> 5.0 px).
	 */
	if (run_square(im, cx, cy, side, 1, &mm, cause) != 0)
		return (-1);
	m->outline_l = (m->x[MESH_CHEEK_L] + mm.x[MESH_CHEEK_R]) / 2;
	m->outline_r = (m->x[MESH_CHEEK_R] + mm.x[MESH_CHEEK_L]) / 2;
	return (0);
}

int
mesh_available(void)
{
	return (nn_available(MESH_NAME));
}

void
mesh_read_ahead(void)
{
	nn_read_ahead(MESH_NAME);
	nn_read_ahead(IRIS_NAME);
}

/*
 * The centre of the iris of eye e (0: on the image's left) by the iris
 * network, in the image's pixels; -1 with *cause when it cannot run.
 */
static int
iris_centre(const struct image *im, const struct mesh *m, int e, double *x, double *y,
    char **cause)
{
	float in[IRIS_SIDE * IRIS_SIDE * 3], out[IRIS_POINTS * 3];
	int a = eye_ring[e][0], b = eye_ring[e][8], mirror = e == 0;
	double side = IRIS_ENLARGE * fmax(fabs(m->x[a] - m->x[b]), fabs(m->y[a] - m->y[b]));
	double x0 = (m->x[a] + m->x[b] - side) / 2, y0 = (m->y[a] + m->y[b] - side) / 2;
	double ox, oy;

	cut_square(im, x0, y0, side, IRIS_SIDE, mirror, in);
	if (nn_run(IRIS_NAME, in, 3, IRIS_SIDE, IRIS_SIDE, IRIS_OUTPUT, out,
	    IRIS_POINTS * 3, cause) != 0)
		return (-1);
	ox = out[IRIS_CENTRE * 3] / IRIS_SIDE;
	oy = out[IRIS_CENTRE * 3 + 1] / IRIS_SIDE;
	/* A damaged network must not move the eye out of its square. */
	if (!(ox >= 0 && ox <= 1 && oy >= 0 && oy <= 1))
		return (0);
	*x = x0 + (mirror ? 1 - ox : ox) * side;
	*y = y0 + oy * side;
	return (0);
}

int
mesh_irises(const struct image *im, const struct mesh *m, struct mesh_face *f,
    char **cause)
{
	double lx = f->lx, ly = f->ly, rx = f->rx, ry = f->ry;

	if (!nn_available(IRIS_NAME))
		return (0);	/* the eye rings' centres stay */
	if (iris_centre(im, m, 0, &lx, &ly, cause) != 0 ||
	    iris_centre(im, m, 1, &rx, &ry, cause) != 0)
		return (-1);
	f->lx = lx;
	f->ly = ly;
	f->rx = rx;
	f->ry = ry;
	return (0);
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
	f->face_l = m->outline_l;
	f->face_r = m->outline_r;
	f->yaw = atan2(m->z[MESH_CHEEK_R] - m->z[MESH_CHEEK_L],
	    m->x[MESH_CHEEK_R] - m->x[MESH_CHEEK_L]) * 180 / M_PI;
	f->chin_y = m->y[MESH_CHIN];
	f->lip_ux = m->x[MESH_LIP_UP];
	f->lip_uy = m->y[MESH_LIP_UP];
	f->lip_dx = m->x[MESH_LIP_DOWN];
	f->lip_dy = m->y[MESH_LIP_DOWN];
}
