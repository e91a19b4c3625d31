/* memest_fn.c: the values of one function under one calling context,
 * for the memory estimator (the walk over them is memest_walk.c).
 *
 * What does not depend on the context first (FnInfo: reverse post-order,
 * natural loops, uses, the classes of values that are one object, the
 * sites that may grow each class), then a fixed point over the SSA values
 * in reverse post-order: ops_transfer for each instruction, phis joined,
 * widened after a few rounds. A container's value is what it is at the
 * end: the appends and item assignments of this function are added to
 * what made it, each site's count summed over the loops between it and
 * the container (branches in one loop body take the larger). */
#include "passes/memest.h"

#include <stdlib.h>

#define SY (&E->S)

/* Phis are widened from round 3; the items of containers, which can feed
 * on the container, from round 5; containers' growth, which settles as
 * slowly as the values it is made of, from round 7; after 14 rounds what
 * still moves is given up (TOP). */
enum {
	ROUNDS_BEFORE_WIDEN = 3,
	ROUNDS_BEFORE_WIDEN_ITEMS = 5,
	ROUNDS_BEFORE_WIDEN_FINAL = 7,
	MAX_ROUNDS = 14,
};


/* ---- what does not depend on the context ---- */

bool fn_python_name(const char *n)
{
	return n && n[0] != '.' && n[0] != '<';
}

static int find(int *p, int x)
{
	while (p[x] != x) {
		p[x] = p[p[x]];
		x = p[x];
	}
	return x;
}

static void unite(int *p, int a, int b)
{
	a = find(p, a);
	b = find(p, b);
	if (a != b)
		p[a > b ? a : b] = a < b ? a : b;
}

int fn_nsucc(const Block *b, Block **out)
{
	int n = 0;
	const Instr *t = b->instrs.len ? b->instrs.items[b->instrs.len - 1] : NULL;
	if (t && ir_is_terminator(t->op))
		for (int k = 0; k < ir_nsuccs(t); k++)
			if (t->succ[k])
				out[n++] = t->succ[k];
	if (b->handler)
		out[n++] = b->handler;
	return n;
}

bool fn_live(const Instr *in)
{
	return in && !in->dead;
}

static int cmp_rpo(const void *a, const void *b)
{
	return (*(Block *const *)a)->rpo - (*(Block *const *)b)->rpo;
}

typedef struct LoopTmp { Block *header; int *body; int nbody; } LoopTmp;

static int cmp_loop_size(const void *a, const void *b)
{
	const LoopTmp *x = a, *y = b;
	if (x->nbody != y->nbody)
		return y->nbody - x->nbody; /* larger first */
	return x->header->rpo - y->header->rpo;
}

/* The container whose item v is (getitem, a loop's item, get or
 * setdefault on it, an element of an unpacked item), or NULL. */
Instr *fn_item_parent(Instr *v)
{
	v = ir_resolve(v);
	switch (v->op) {
	case OP_GETITEM:
		if (v->args.len > 1 && ir_resolve(v->args.items[1])->op == OP_SLICE)
			return NULL;
		return ir_resolve(v->args.items[0]);
	case OP_ITERNEXT: {
		Instr *it = ir_resolve(v->args.items[0]);
		if (it->op != OP_ITER)
			return NULL;
		Instr *x = ir_resolve(it->args.items[0]);
		/* d.items(), d.values(): the items of d */
		if (x->op == OP_CALL_METHOD && x->args.len == 1 &&
		    (strcmp(x->imm.name, "items") == 0 || strcmp(x->imm.name, "values") == 0))
			return ir_resolve(x->args.items[0]);
		return x;
	}
	case OP_CALL_METHOD:
		if (v->args.len >= 2 && (strcmp(v->imm.name, "get") == 0 ||
		                         strcmp(v->imm.name, "setdefault") == 0 ||
		                         strcmp(v->imm.name, "pop") == 0))
			return ir_resolve(v->args.items[0]);
		return NULL;
	case OP_EXTRACT: {
		Instr *u = ir_resolve(v->args.items[0]);
		if (u->op == OP_UNPACK)
			return fn_item_parent(ir_resolve(u->args.items[0]));
		return NULL;
	}
	default:
		return NULL;
	}
}

/* The outermost container v is an item of (v itself if none). */
Instr *fn_top_container(Instr *v)
{
	v = ir_resolve(v);
	for (int guard = 0; guard < 16; guard++) {
		Instr *p = fn_item_parent(v);
		if (!p)
			break;
		v = p;
	}
	return v;
}

/* Builds a CSR table: for each of n keys, the values add() lists. */
typedef struct Csr { int *start; int *items; int n; } Csr;

static bool candidate_site(const Instr *in)
{
	switch (in->op) {
	case OP_LIST_APPEND: case OP_SET_ADD: case OP_DICT_PUT: case OP_SETITEM:
	case OP_CALL_METHOD: case OP_CALL: case OP_CALL_DIRECT:
		return true;
	case OP_BINOP:
		return in->inplace;
	default:
		return false;
	}
}

FnInfo *fninfo_build(MemEst *E, Function *f)
{
	FnInfo *I = xcalloc(1, sizeof *I);
	I->f = f;
	ir_fill_dominators(f);
	int nbid = 1;
	for (int i = 0; i < f->blocks.len; i++)
		if (f->blocks.items[i] && f->blocks.items[i]->id + 1 > nbid)
			nbid = f->blocks.items[i]->id + 1;
	I->nbid = nbid;
	I->rpo = xmalloc((size_t)(f->blocks.len + 1) * sizeof *I->rpo);
	for (int i = 0; i < f->blocks.len; i++)
		if (f->blocks.items[i] && f->blocks.items[i]->rpo >= 0)
			I->rpo[I->nrpo++] = f->blocks.items[i];
	if (I->nrpo > 1)
		qsort(I->rpo, (size_t)I->nrpo, sizeof *I->rpo, cmp_rpo);

	/* predecessors, exceptional edges included */
	I->npreds = xcalloc((size_t)nbid, sizeof *I->npreds);
	I->preds = xcalloc((size_t)nbid, sizeof *I->preds);
	Block *succ[4];
	for (int i = 0; i < I->nrpo; i++) {
		int n = fn_nsucc(I->rpo[i], succ);
		for (int k = 0; k < n; k++)
			if (succ[k]->rpo >= 0 && succ[k]->id < nbid)
				I->npreds[succ[k]->id]++;
	}
	for (int b = 0; b < nbid; b++)
		I->preds[b] = xmalloc((size_t)(I->npreds[b] + 1) * sizeof **I->preds);
	int *fill = xcalloc((size_t)nbid, sizeof *fill);
	for (int i = 0; i < I->nrpo; i++) {
		int n = fn_nsucc(I->rpo[i], succ);
		for (int k = 0; k < n; k++)
			if (succ[k]->rpo >= 0 && succ[k]->id < nbid)
				I->preds[succ[k]->id][fill[succ[k]->id]++] = I->rpo[i]->id;
	}
	free(fill);

	/* natural loops: a back edge b -> h where h dominates b */
	I->block = xcalloc((size_t)nbid, sizeof *I->block);
	for (int i = 0; i < I->nrpo; i++)
		I->block[I->rpo[i]->id] = I->rpo[i];
	LoopTmp *tmp = NULL;
	int ntmp = 0, cap = 0;
	int *loop_of_header = xmalloc((size_t)nbid * sizeof *loop_of_header);
	for (int b = 0; b < nbid; b++)
		loop_of_header[b] = -1;
	char *mark = xcalloc((size_t)nbid, 1);
	int *stack = xmalloc((size_t)(nbid + 1) * sizeof *stack);
	for (int i = 0; i < I->nrpo; i++) {
		Block *b = I->rpo[i];
		const Instr *t = b->instrs.len ? b->instrs.items[b->instrs.len - 1] : NULL;
		if (!t || !ir_is_terminator(t->op))
			continue;
		for (int k = 0; k < ir_nsuccs(t); k++) {
			Block *h = t->succ[k];
			if (!h || h->rpo < 0 || !ir_dominates(h, b))
				continue;
			int li = loop_of_header[h->id];
			if (li < 0) {
				if (ntmp == cap) {
					cap = cap ? cap * 2 : 8;
					tmp = xrealloc(tmp, (size_t)cap * sizeof *tmp);
				}
				li = ntmp++;
				tmp[li] = (LoopTmp){h, xmalloc(sizeof(int)), 1};
				tmp[li].body[0] = h->id;
				loop_of_header[h->id] = li;
			}
			/* everything that reaches b without passing h */
			LoopTmp *L = &tmp[li];
			memset(mark, 0, (size_t)nbid);
			for (int j = 0; j < L->nbody; j++)
				mark[L->body[j]] = 1;
			int sp = 0;
			if (!mark[b->id]) {
				mark[b->id] = 1;
				stack[sp++] = b->id;
			}
			while (sp) {
				int x = stack[--sp];
				L->body = xrealloc(L->body, (size_t)(L->nbody + 1) * sizeof *L->body);
				L->body[L->nbody++] = x;
				for (int p = 0; p < I->npreds[x]; p++) {
					int y = I->preds[x][p];
					if (!mark[y]) {
						mark[y] = 1;
						stack[sp++] = y;
					}
				}
			}
		}
	}
	free(stack);
	free(mark);
	free(loop_of_header);
	/* nesting: assign blocks from the largest loop to the smallest, so a
	 * block ends in its innermost loop, and a loop's parent is what its
	 * header was in just before */
	if (ntmp > 1)
		qsort(tmp, (size_t)ntmp, sizeof *tmp, cmp_loop_size);
	I->bloop = xmalloc((size_t)nbid * sizeof *I->bloop);
	for (int b = 0; b < nbid; b++)
		I->bloop[b] = -1;
	I->nloops = ntmp;
	I->loops = xcalloc((size_t)(ntmp ? ntmp : 1), sizeof *I->loops);
	for (int l = 0; l < ntmp; l++) {
		Loop *L = &I->loops[l];
		L->header = tmp[l].header;
		L->parent = I->bloop[L->header->id];
		L->depth = L->parent >= 0 ? I->loops[L->parent].depth + 1 : 1;
		for (int j = 0; j < tmp[l].nbody; j++)
			I->bloop[tmp[l].body[j]] = l;
		Instr *t = ir_terminator(L->header);
		L->iter = t && t->op == OP_ITERNEXT && t->args.len ? ir_resolve(t->args.items[0]) : NULL;
		L->comp = L->header->label && strncmp(L->header->label, "comp.", 5) == 0;
		L->stmt = t ? t->stmt : L->header->stmt;
		free(tmp[l].body);
	}
	free(tmp);
	I->loop_order = xmalloc((size_t)(ntmp ? ntmp : 1) * sizeof *I->loop_order);
	for (int l = 0; l < ntmp; l++)
		I->loop_order[l] = l;
	/* inner first: by depth, deepest first (insertion sort: few loops) */
	for (int i = 1; i < ntmp; i++) {
		int x = I->loop_order[i], j = i;
		while (j > 0 && I->loops[I->loop_order[j - 1]].depth < I->loops[x].depth) {
			I->loop_order[j] = I->loop_order[j - 1];
			j--;
		}
		I->loop_order[j] = x;
	}

	/* values: definitions, uses, object classes, names */
	int nv = f->nvalues + 1;
	I->def = xcalloc((size_t)nv, sizeof *I->def);
	I->use_start = xcalloc((size_t)nv + 1, sizeof *I->use_start);
	I->cls = xmalloc((size_t)nv * sizeof *I->cls);
	I->named = xcalloc((size_t)nv, sizeof *I->named);
	for (int v = 0; v < nv; v++)
		I->cls[v] = v;
	for (int pass = 0; pass < 2; pass++) {
		int *pos = pass ? xcalloc((size_t)nv, sizeof *pos) : NULL;
		for (int i = 0; i < I->nrpo; i++) {
			Block *b = I->rpo[i];
			InstrVec *lists[2] = {&b->phis, &b->instrs};
			for (int l = 0; l < 2; l++) {
				for (int k = 0; k < lists[l]->len; k++) {
					Instr *in = lists[l]->items[k];
					if (!fn_live(in))
						continue;
					if (pass == 0 && in->id > 0 && in->id < nv)
						I->def[in->id] = in;
					for (int a = 0; a < in->args.len; a++) {
						Instr *x = ir_resolve(in->args.items[a]);
						if (!x || x->id <= 0 || x->id >= nv)
							continue;
						if (pass == 0) {
							I->use_start[x->id + 1]++;
						} else {
							I->uses[I->use_start[x->id] + pos[x->id]++] = in;
						}
					}
				}
			}
		}
		if (pass == 0) {
			for (int v = 0; v < nv; v++)
				I->use_start[v + 1] += I->use_start[v];
			I->uses = xmalloc((size_t)(I->use_start[nv] + 1) * sizeof *I->uses);
		}
		free(pos);
	}
	for (int v = 1; v < nv; v++) {
		Instr *in = I->def[v];
		if (!in)
			continue;
		if (fn_python_name(in->name))
			I->named[v] = true;
		bool alias = in->op == OP_PHI || in->op == OP_WITH_ENTER || in->op == OP_UNPACK ||
		             (in->op == OP_BINOP && in->inplace);
		int nalias = in->op == OP_PHI ? in->args.len : alias ? 1 : 0;
		for (int a = 0; a < nalias; a++) {
			Instr *x = ir_resolve(in->args.items[a]);
			if (x && x->id > 0 && x->id < nv)
				unite(I->cls, v, x->id);
		}
		for (int u = I->use_start[v]; u < I->use_start[v + 1]; u++) {
			Instr *user = I->uses[u];
			/* a phi's operand lives on in the variable the phi is */
			if (user->op == OP_PHI)
				I->named[v] = true;
		}
	}
	for (int v = 1; v < nv; v++)
		find(I->cls, v);

	/* regions: their blocks and inner headers, in reverse post-order */
	int nr = I->nloops + 1;
	I->region_start = xcalloc((size_t)nr + 1, sizeof *I->region_start);
	for (int pass = 0; pass < 2; pass++) {
		int *fillr = pass ? xcalloc((size_t)nr, sizeof *fillr) : NULL;
		for (int i = 0; i < I->nrpo; i++) {
			Block *b = I->rpo[i];
			int l = I->bloop[b->id];
			int rs[2] = {l + 1, -1};
			if (l >= 0 && I->loops[l].header == b)
				rs[1] = I->loops[l].parent + 1;
			for (int k = 0; k < 2; k++) {
				if (rs[k] < 0)
					continue;
				if (pass == 0)
					I->region_start[rs[k] + 1]++;
				else
					I->region_nodes[I->region_start[rs[k]] + fillr[rs[k]]++] = b->id;
			}
		}
		if (pass == 0) {
			for (int r = 0; r < nr; r++)
				I->region_start[r + 1] += I->region_start[r];
			I->region_nodes = xmalloc((size_t)(I->region_start[nr] + 1) * sizeof *I->region_nodes);
		}
		free(fillr);
	}
	/* classes: members, growing sites, items' growing sites */
	I->member_start = xcalloc((size_t)nv + 1, sizeof *I->member_start);
	I->site_start = xcalloc((size_t)nv + 1, sizeof *I->site_start);
	I->isite_start = xcalloc((size_t)nv + 1, sizeof *I->isite_start);
	I->cregion = xmalloc((size_t)nv * sizeof *I->cregion);
	for (int pass = 0; pass < 2; pass++) {
		int *fm = pass ? xcalloc((size_t)nv, sizeof *fm) : NULL;
		int *fs = pass ? xcalloc((size_t)nv, sizeof *fs) : NULL;
		int *fi = pass ? xcalloc((size_t)nv, sizeof *fi) : NULL;
		for (int v = 1; v < nv; v++) {
			if (!I->def[v])
				continue;
			int r = I->cls[v];
			if (pass == 0)
				I->member_start[r + 1]++;
			else
				I->members[I->member_start[r] + fm[r]++] = v;
		}
		for (int i = 0; i < I->nrpo; i++) {
			Block *b = I->rpo[i];
			for (int k = 0; k < b->instrs.len; k++) {
				Instr *in = b->instrs.items[k];
				if (!fn_live(in) || !candidate_site(in))
					continue;
				int seen[8], nseen = 0, iseen[8], niseen = 0;
				for (int a = 0; a < in->args.len && a < 8; a++) {
					Instr *x = ir_resolve(in->args.items[a]);
					if (!x || x->id <= 0 || x->id >= nv)
						continue;
					/* the receiver is the first operand but for calls */
					if (a > 0 && in->op != OP_CALL && in->op != OP_CALL_DIRECT)
						break;
					int r = I->cls[x->id];
					bool dup = false;
					for (int j = 0; j < nseen; j++)
						dup |= seen[j] == r;
					if (!dup) {
						seen[nseen++] = r;
						if (pass == 0)
							I->site_start[r + 1]++;
						else
							I->sites[I->site_start[r] + fs[r]++] = in;
					}
					Instr *p = fn_item_parent(x);
					if (!p || p->id <= 0 || p->id >= nv)
						continue;
					int pr = I->cls[p->id];
					dup = false;
					for (int j = 0; j < niseen; j++)
						dup |= iseen[j] == pr;
					if (!dup) {
						iseen[niseen++] = pr;
						if (pass == 0)
							I->isite_start[pr + 1]++;
						else
							I->isites[I->isite_start[pr] + fi[pr]++] = in;
					}
				}
			}
		}
		if (pass == 0) {
			for (int v = 0; v < nv; v++) {
				I->member_start[v + 1] += I->member_start[v];
				I->site_start[v + 1] += I->site_start[v];
				I->isite_start[v + 1] += I->isite_start[v];
			}
			I->members = xmalloc((size_t)(I->member_start[nv] + 1) * sizeof *I->members);
			I->sites = xmalloc((size_t)(I->site_start[nv] + 1) * sizeof *I->sites);
			I->isites = xmalloc((size_t)(I->isite_start[nv] + 1) * sizeof *I->isites);
		}
		free(fm);
		free(fs);
		free(fi);
	}
	for (int r = 0; r < nv; r++) {
		/* the region of the outermost member */
		int best = -1, bestdepth = 1 << 30;
		for (int m = I->member_start[r]; m < I->member_start[r + 1]; m++) {
			int l = I->bloop[I->def[I->members[m]]->block->id];
			int d = l >= 0 ? I->loops[l].depth : 0;
			if (d < bestdepth) {
				bestdepth = d;
				best = l;
			}
		}
		I->cregion[r] = best;
	}
	for (int i = 0; i < I->nrpo; i++) {
		Block *b = I->rpo[i];
		for (int k = 0; k < b->instrs.len; k++) {
			Instr *in = b->instrs.items[k];
			if (fn_live(in) && (in->op == OP_SLOT_STORE || in->op == OP_CELL_STORE)) {
				I->stores = xrealloc(I->stores, (size_t)(I->nstores + 1) * sizeof *I->stores);
				I->stores[I->nstores++] = in;
			}
		}
	}
	(void)E;
	return I;
}

void fninfo_free(FnInfo *I)
{
	if (!I)
		return;
	for (int b = 0; b < I->nbid; b++)
		free(I->preds[b]);
	free(I->preds);
	free(I->npreds);
	free(I->rpo);
	free(I->bloop);
	free(I->loops);
	free(I->loop_order);
	free(I->def);
	free(I->use_start);
	free(I->uses);
	free(I->cls);
	free(I->named);
	free(I->block);
	free(I->region_start);
	free(I->region_nodes);
	free(I->member_start);
	free(I->members);
	free(I->site_start);
	free(I->sites);
	free(I->isite_start);
	free(I->isites);
	free(I->cregion);
	free(I->stores);
	free(I);
}

/* Whether loop l is a or inside a. */
bool fn_loop_within(const FnInfo *I, int l, int a)
{
	if (a < 0)
		return true;
	while (l >= 0 && l != a)
		l = I->loops[l].parent;
	return l == a;
}

int fn_loop_of(FnCtx *X, const Instr *in)
{
	return in && in->block && in->block->id < X->I->nbid ? X->I->bloop[in->block->id] : -1;
}

/* ---- values ---- */

MemAtom *fn_item(FnCtx *X, int l)
{
	if (l < 0)
		return NULL;
	if (!X->items[l])
		X->items[l] = sym_new_item(&X->E->S);
	return X->items[l];
}

const Sym *fn_sep_count(FnCtx *X, const MemAtom *line, const char *path, const char *sep)
{
	MemEst *E = X->E;
	int l = -1;
	for (int i = 0; line && i < X->I->nloops; i++)
		if (X->items[i] == line)
			l = i;
	if (l < 0)
		return sym_file_sep(SY, path, FS_MAXCOUNT, sep);
	for (int i = 0; i < X->nmeasures; i++)
		if (X->measures[i].loop == l && strcmp(X->measures[i].sep, sep) == 0)
			return sym_atom(SY, X->measures[i].atom);
	if (X->nmeasures == X->cap_measures) {
		X->cap_measures = X->cap_measures ? X->cap_measures * 2 : 4;
		X->measures = xrealloc(X->measures, (size_t)X->cap_measures * sizeof *X->measures);
	}
	MemAtom *a = sym_new_measure(SY, line);
	a->max = sym_file_sep(SY, path, FS_MAXCOUNT, sep);
	a->sum = sym_file_sep(SY, path, FS_COUNT, sep);
	a->count = X->trips[l];
	X->measures[X->nmeasures++] = (struct Measure){l, arena_strdup(&E->arena, sep), a};
	return sym_atom(SY, a);
}

void fn_add_once(FnCtx *X, Instr *site, Instr *receiver, const Sym *bytes)
{
	for (int i = 0; i < X->nonce; i++)
		if (X->once[i].site == site) {
			X->once[i].amount = bytes;
			X->once[i].owner = receiver;
			return;
		}
	if (X->nonce == X->cap_once) {
		X->cap_once = X->cap_once ? X->cap_once * 2 : 8;
		X->once = xrealloc(X->once, (size_t)X->cap_once * sizeof *X->once);
	}
	X->once[X->nonce++] = (Rec){site, receiver, bytes, true};
}

static const AVal *raw(FnCtx *X, Instr *v)
{
	v = ir_resolve(v);
	if (!v || v->id <= 0 || v->id > X->I->f->nvalues || !X->val[v->id])
		return av_bot();
	return X->val[v->id];
}


bool fn_local_object(FnCtx *X, Instr *v)
{
	v = ir_resolve(v);
	if (v->op == OP_ITER && v->args.len)
		v = ir_resolve(v->args.items[0]);
	Instr *top = fn_top_container(v);
	if (fn_external(top))
		return false;
	/* in the module body, what an earlier statement made exists before
	 * this one starts: it is that statement's */
	return !(X->I->f->is_module && X->cur && top->stmt >= 0 && top->stmt < X->cur->stmt);
}

/* Summing a per-execution count or size over the loops that contain the
 * block but not `upto` (the receiver's definition): innermost first. */
const Sym *fn_over_loops(FnCtx *X, int from, int upto, const Sym *s)
{
	MemEst *E = X->E;
	for (int l = from; l >= 0 && !fn_loop_within(X->I, upto, l); l = X->I->loops[l].parent)
		s = sym_sum_over(SY, s, fn_item(X, l), X->trips[l]);
	return s;
}

static const AVal *av_upto(FnCtx *X, int from, int upto, const AVal *a)
{
	for (int l = from; l >= 0 && !fn_loop_within(X->I, upto, l); l = X->I->loops[l].parent)
		a = av_no_items(X->E, a, fn_item(X, l));
	return a;
}

/* Branches take the larger: the largest sum of per-execution values along
 * one path through an iteration of loop l (or the function body, l < 0),
 * inner loops counted by `inner`. Values are Syms over instructions. */
typedef const Sym *(*InstrValue)(FnCtx *X, Instr *in, void *arg);
typedef const Sym *(*LoopValue)(FnCtx *X, int loop, void *arg);

int fn_child_of(const FnInfo *I, int region, int l)
{
	/* the loop directly inside `region` that contains loop l, or -1 */
	while (l >= 0 && I->loops[l].parent != region)
		l = I->loops[l].parent;
	return l;
}

static const Sym *path_max(FnCtx *X, int region, InstrValue iv, LoopValue lv, void *arg)
{
	MemEst *E = X->E;
	FnInfo *I = X->I;
	const Sym **out = xcalloc((size_t)I->nbid, sizeof *out);
	const Sym **lout = xcalloc((size_t)(I->nloops ? I->nloops : 1), sizeof *lout);
	const Sym *best = SY->zero;
	for (int i = I->region_start[region + 1]; i < I->region_start[region + 2]; i++) {
		Block *b = I->block[I->region_nodes[i]];
		int bl = I->bloop[b->id];
		bool direct = bl == region;
		int child = direct ? -1 : bl; /* an inner loop: its header stands for it */
		const Sym *in = NULL;
		bool is_head = region >= 0 && b == I->loops[region].header;
		for (int p = 0; p < I->npreds[b->id] && !is_head; p++) {
			int pb = I->preds[b->id][p];
			int pl = I->bloop[pb];
			const Sym *s = NULL;
			if (pl == region)
				s = out[pb];
			else if (fn_loop_within(I, pl, region) && (region >= 0 || pl >= 0)) {
				int c = fn_child_of(I, region, pl);
				s = c >= 0 && c != child ? lout[c] : NULL;
			}
			if (s)
				in = in ? sym_max(SY, in, s) : s;
		}
		if (!in)
			in = SY->zero;
		if (!direct) {
			lout[child] = sym_add(SY, in, lv ? lv(X, child, arg) : SY->zero);
			best = sym_max(SY, best, lout[child]);
			continue;
		}
		for (int k = 0; k < b->instrs.len; k++) {
			Instr *x = b->instrs.items[k];
			if (fn_live(x) && iv) {
				const Sym *v = iv(X, x, arg);
				if (v)
					in = sym_add(SY, in, v);
			}
		}
		out[b->id] = in;
		best = sym_max(SY, best, in);
	}
	free(out);
	free(lout);
	return best;
}

/* ---- containers: what this function adds to them ---- */

typedef struct GrowArg {
	int root;               /* the object class */
	bool items;             /* growth of the class's items rather than itself */
	int field;              /* 0 count, 1 item bytes, 2 item lengths */
	bool replace;
	bool unknown;
	bool fresh;             /* some item put in was made here */
	const AVal *item, *value;
	/* the distinct keys of the sites summed (dict, set); nokeys: some site
	 * has no bound */
	const Sym *keys;
	bool nokeys;
} GrowArg;

/* Whether `in` grows an object of class root (directly, or one of its
 * items when ga->items). Sets *g. */
static bool grows(FnCtx *X, Instr *in, GrowArg *ga, Growth *g, Instr **recv)
{
	if (in->op != OP_LIST_APPEND && in->op != OP_SET_ADD && in->op != OP_DICT_PUT &&
	    in->op != OP_SETITEM && in->op != OP_CALL_METHOD && in->op != OP_BINOP &&
	    in->op != OP_CALL && in->op != OP_CALL_DIRECT)
		return false;
	if (in->op == OP_BINOP && !in->inplace)
		return false;
	int nargs = in->args.len;
	for (int a = 0; a < nargs; a++) {
		Instr *r = ir_resolve(in->args.items[a]);
		if (!r || r->id <= 0 || r->id > X->I->f->nvalues)
			continue;
		bool match;
		if (ga->items) {
			Instr *p = fn_item_parent(r);
			match = p && p->id > 0 && X->I->cls[p->id] == ga->root;
		} else {
			match = X->I->cls[r->id] == ga->root;
		}
		if (!match)
			continue;
		memset(g, 0, sizeof *g);
		if (ops_growth(X, in, r, g)) {
			*recv = r;
			return true;
		}
	}
	return false;
}

static const Sym *grow_value(FnCtx *X, Instr *in, void *arg)
{
	GrowArg *ga = arg;
	MemEst *E = X->E;
	Growth g;
	Instr *r;
	if (!grows(X, in, ga, &g, &r))
		return NULL;
	if (g.unknown) {
		ga->unknown = true;
		return sym_unknown(SY);
	}
	for (int a = 1; a < in->args.len; a++) {
		Instr *x = ir_resolve(in->args.items[a]);
		if (x && x->id > 0 && X->alloc[x->id] && !sym_is_zero(X->alloc[x->id]))
			ga->fresh = true;
	}
	if (g.replace) {
		ga->replace = true;
		if (g.item) {
			const AVal *it = av_upto(X, fn_loop_of(X, in), -2, g.item);
			ga->item = ga->item ? av_join(E, ga->item, it) : it;
		}
		return NULL;
	}
	int l = fn_loop_of(X, in);
	/* the keys of the sites of a group: each site's, together */
	AKind rk = raw(X, r)->kind;
	const Sym *keys = g.item && (rk == AK_DICT || rk == AK_SET) ? av_distinct(E, g.item) : NULL;
	if (!keys)
		ga->nokeys = true;
	else if (!ga->keys || !sym_equal(ga->keys, keys))
		ga->keys = ga->keys ? sym_add(SY, ga->keys, keys) : keys;
	if (g.item) {
		const AVal *it = av_upto(X, l, -2, g.item);
		ga->item = ga->item ? av_join(E, ga->item, it) : it;
	}
	if (g.value) {
		const AVal *vv = av_upto(X, l, -2, g.value);
		ga->value = ga->value ? av_join(E, ga->value, vv) : vv;
	}
	switch (ga->field) {
	case 0: return g.count;
	case 1: {
		const Sym *b = g.item ? g.item->graph : SY->zero;
		if (g.value)
			b = sym_add(SY, b, g.value->graph);
		return b;
	}
	default:
		return g.item ? av_len(E, g.item) : SY->zero;
	}
}

/* The region where class `root`'s objects are made: the innermost loop
 * around its outermost member (they are remade each iteration of the
 * loops it is in). */
int fn_class_region(FnCtx *X, int root)
{
	return X->I->cregion[root];
}

static void class_sites(FnCtx *X, int root, bool items, Instr ***list, int *n)
{
	FnInfo *I = X->I;
	int *start = items ? I->isite_start : I->site_start;
	*list = (items ? I->isites : I->sites) + start[root];
	*n = start[root + 1] - start[root];
}

/* Does anything in this function grow class root (or its items)? */
static bool has_growth(FnCtx *X, int root, bool items)
{
	GrowArg ga = {root, items, 0, false, false, false, NULL, NULL, NULL, false};
	Instr **sites;
	int n;
	class_sites(X, root, items, &sites, &n);
	for (int i = 0; i < n; i++) {
		Growth g;
		Instr *r;
		if (grows(X, sites[i], &ga, &g, &r))
			return true;
	}
	return false;
}

/* A group of sites that share one loop body: path_max counts only them. */
typedef struct Group { GrowArg *ga; Instr **sites; int n; } Group;

static const Sym *group_value(FnCtx *X, Instr *in, void *arg)
{
	Group *gr = arg;
	for (int i = 0; i < gr->n; i++)
		if (gr->sites[i] == in)
			return grow_value(X, in, gr->ga);
	return NULL;
}

/* A site's growth summed over the loops up to the receiver's region; a
 * dict or set keeps one entry per distinct key, however many inserts
 * (`keys`: their bound, or NULL), so it is at most that many times the
 * largest insert, when that is smaller now. */
static const Sym *keyed_total(FnCtx *X, int l, int region, const Sym *per, const Sym *keys)
{
	MemEst *E = X->E;
	const Sym *summed = fn_over_loops(X, l, region, per);
	if (!keys || sym_min_now(SY, fn_over_loops(X, l, region, SY->one), keys) != keys)
		return summed;
	return sym_mul(SY, keys, sym_no_items(SY, per));
}

/* The total growth of one object of the class (field: count, item bytes
 * or item lengths): each site's per-execution growth summed over the
 * loops between it and the region the object is made in. Sites in one
 * loop body take the larger branch (path_max); elsewhere they add up. */
static const Sym *grow_total(FnCtx *X, int region, GrowArg *ga, int field)
{
	MemEst *E = X->E;
	ga->field = field;
	Instr **sites;
	int n;
	class_sites(X, ga->root, ga->items, &sites, &n);
	const Sym *total = SY->zero;
	bool *done = xcalloc((size_t)(n ? n : 1), sizeof *done);
	Instr **group = xmalloc((size_t)(n ? n : 1) * sizeof *group);
	for (int i = 0; i < n; i++) {
		if (done[i])
			continue;
		int l = fn_loop_of(X, sites[i]);
		int ng = 0;
		for (int j = i; j < n; j++)
			if (!done[j] && fn_loop_of(X, sites[j]) == l) {
				done[j] = true;
				group[ng++] = sites[j];
			}
		const Sym *per;
		ga->keys = NULL;
		ga->nokeys = false;
		if (ng == 1) {
			per = grow_value(X, group[0], ga);
		} else {
			Group gr = {ga, group, ng};
			per = path_max(X, l, group_value, NULL, &gr);
		}
		if (per)
			total = sym_add(SY, total, keyed_total(X, l, region, per,
			                                       ga->nokeys ? NULL : ga->keys));
	}
	free(done);
	free(group);
	return total;
}

/* What the object class becomes after this function's appends and item
 * assignments. */
static const AVal *grown(FnCtx *X, int root, const AVal *base)
{
	MemEst *E = X->E;
	if (base->kind != AK_LIST && base->kind != AK_SET && base->kind != AK_DICT &&
	    base->kind != AK_TOP)
		return base;
	int region = fn_class_region(X, root);
	GrowArg ga = {root, false, 0, false, false, false, NULL, NULL, NULL, false};
	const AVal *r = base;
	if (has_growth(X, root, false)) {
		const Sym *count = grow_total(X, region, &ga, 0);
		const Sym *bytes = grow_total(X, region, &ga, 1);
		const Sym *lens = grow_total(X, region, &ga, 2);
		if (ga.unknown || base->kind == AK_TOP)
			return av_top(E, NULL);
		const Sym *n0 = av_len(E, base);
		const Sym *n = sym_add(SY, n0, count);
		const AVal *elem = base->elem ? base->elem : av_bot();
		if (ga.item)
			elem = av_join(E, elem, ga.item);
		const AVal *val = base->val;
		if (ga.value)
			val = val ? av_join(E, val, ga.value) : ga.value;
		const Sym *items = sym_add(SY, av_items(E, base), bytes);
		if (ga.replace)
			items = sym_add(SY, items, sym_mul(SY, n0, elem->graph));
		/* a table of str keys only has smaller entries */
		bool strkeys = base->strkeys && (!ga.item || ga.item->kind == AK_STR);
		const Sym *shape;
		if (base->kind == AK_LIST) {
			/* growth from the shape made: an appended list grows as
			 * pysize says, any other by list_resize's bound */
			uint64_t v0;
			if (sym_is_zero(n0) || (base->appended))
				shape = list_shape_appended(E, n);
			else if (sym_is_num(n0, &v0) && sym_is_zero(count))
				shape = base->shape;
			else
				shape = sym_add(SY, base->shape, sym_add(SY, sym_scale(SY, count, 9),
				                                         sym_add(SY, n0, sym_num(SY, 48))));
		} else if (base->kind == AK_DICT) {
			shape = sym_max(SY, base->shape, dict_shape(E, n, strkeys));
		} else {
			shape = sym_max(SY, base->shape, set_shape(E, n));
		}
		AVal *c = arena_alloc(&E->arena, sizeof *c);
		*(c) = *av_coll(E, base->kind, n, elem, val,
		                base->sum_len ? sym_add(SY, base->sum_len, lens) : NULL, items, shape);
		c->strkeys = strkeys;
		c->fresh_items = base->fresh_items || ga.fresh;
		c->appended = base->appended || sym_is_zero(n0);
		r = c;
	}
	/* appends to its items: each item may have taken all of them */
	if (has_growth(X, root, true) && r->kind != AK_TOP) {
		GrowArg gi = {root, true, 0, false, false, false, NULL, NULL, NULL, false};
		const Sym *count = grow_total(X, region, &gi, 0);
		const Sym *bytes = grow_total(X, region, &gi, 1);
		if (gi.unknown)
			return av_top(E, NULL);
		/* each grown list: 9 bytes a slot past its size, 48 of slack */
		const Sym *per = sym_add3(SY, bytes, sym_scale(SY, count, 9), sym_num(SY, 56));
		AVal *c = arena_alloc(&E->arena, sizeof *c);
		*c = *r;
		const AVal *it = r->kind == AK_DICT && r->val ? r->val : av_item(E, r);
		if (it->kind != AK_TOP) {
			AVal *ni = arena_alloc(&E->arena, sizeof *ni);
			*ni = *it;
			ni->len = sym_add(SY, av_len(E, it), count);
			ni->items = sym_add(SY, av_items(E, it), per);
			ni->graph = sym_add(SY, it->graph, per);
			if (gi.item)
				ni->elem = it->elem ? av_join(E, it->elem, gi.item) : gi.item;
			it = ni;
		}
		if (r->kind == AK_DICT && r->val)
			c->val = it;
		else
			c->elem = it;
		c->items = sym_add(SY, av_items(E, r),
		                   sym_add(SY, bytes, sym_add(SY, sym_scale(SY, count, 9),
		                                              sym_scale(SY, av_len(E, r), 56))));
		c->graph = sym_add(SY, c->shape ? c->shape : SY->zero, c->items);
		r = c;
	}
	return r;
}

/* A module-level name read by a later statement: when its length is
 * only known by running (a dict's or set's distinct keys, or no bound),
 * the estimate names it, len_of('name'), for the runner to fill in; the
 * static bound stays for the number printed now. */
static const AVal *by_name(FnCtx *X, Instr *v, const AVal *a)
{
	MemEst *E = X->E;
	if (!X->I->f->is_module || !X->cur || X->cur->stmt <= v->stmt || v->stmt < 0 ||
	    !fn_python_name(v->name) || X->cur->op == OP_PHI)
		return a;
	if (a->kind != AK_DICT && a->kind != AK_SET && !a->approx &&
	    !((a->kind == AK_LIST || a->kind == AK_TUPLE || a->kind == AK_STR) && a->len && a->len->unknown))
		return a;
	if (a->kind != AK_DICT && a->kind != AK_SET && a->kind != AK_LIST &&
	    a->kind != AK_TUPLE && a->kind != AK_STR)
		return a;
	AVal *r = arena_alloc(&E->arena, sizeof *r);
	*r = *a;
	r->len = sym_len_of(SY, v->name, a->len && !a->len->unknown ? a->len : NULL);
	const AVal *it = av_item(E, a);
	r->items = sym_mul(SY, r->len, sym_add(SY, it->graph, a->val ? a->val->graph : SY->zero));
	if (a->kind == AK_DICT)
		r->shape = dict_shape(E, r->len, a->strkeys);
	else if (a->kind == AK_SET)
		r->shape = set_shape(E, r->len);
	else if (a->kind == AK_LIST)
		r->shape = list_shape_iter(E, r->len);
	if (r->shape)
		r->graph = sym_add(SY, r->shape, r->items);
	if (a->sum_len)
		r->sum_len = sym_mul(SY, r->len, av_len(E, it));
	return r;
}

const AVal *fn_get(FnCtx *X, Instr *v)
{
	v = ir_resolve(v);
	const AVal *a = by_name(X, v, raw(X, v));
	if (!v || v->id <= 0 || a->kind == AK_BOT)
		return a;
	/* only containers grow; an int's `+=` is a new int */
	if (a->kind != AK_LIST && a->kind != AK_SET && a->kind != AK_DICT && a->kind != AK_TOP)
		return a;
	int root = X->I->cls[v->id];
	if (X->final[root])
		return by_name(X, v, X->final[root]);
	if (X->final_busy[root])
		return a;
	X->final_busy[root] = true;
	/* the class's objects as made, then grown */
	const AVal *base = av_bot();
	for (int k = X->I->member_start[root]; k < X->I->member_start[root + 1]; k++) {
		Instr *m = X->I->def[X->I->members[k]];
		if (m->op == OP_PHI || m->op == OP_WITH_ENTER || m->op == OP_UNPACK ||
		    (m->op == OP_BINOP && m->inplace))
			continue;
		base = av_join(X->E, base, raw(X, m));
	}
	if (base->kind == AK_BOT)
		base = a;
	const AVal *r = grown(X, root, base);
	/* a container's items can feed on it (d[k] = d.get(k, 0) + 1): their
	 * bounds widen as a phi's do; growth that feeds on itself (words +=
	 * sorted(words)) would grow every round: its length is given up */
	if (X->round >= ROUNDS_BEFORE_WIDEN_ITEMS && X->prev_final[root] &&
	    X->prev_final[root]->kind == r->kind && r->kind != AK_TOP) {
		const AVal *old = X->prev_final[root];
		AVal *w = arena_alloc(&X->E->arena, sizeof *w);
		*w = *r;
		w->elem = old->elem && r->elem ? av_widen(X->E, old->elem, r->elem) : r->elem;
		w->val = old->val && r->val ? av_widen(X->E, old->val, r->val) : r->val;
		r = w;
		if (X->round >= ROUNDS_BEFORE_WIDEN_FINAL && !av_equal(old, r))
			r = av_widen(X->E, old, r);
	}
	X->final_busy[root] = false;
	X->final[root] = r;
	return by_name(X, v, r);
}

/* ---- the fixed point ---- */

static void set_val(FnCtx *X, Instr *in, const AVal *nv, bool widen)
{
	const AVal *old = X->val[in->id];
	if (widen && old)
		nv = av_widen(X->E, old, nv);
	if (!old || !av_equal(old, nv))
		X->changed = true;
	X->val[in->id] = nv;
}

static void update_trips(FnCtx *X)
{
	MemEst *E = X->E;
	FnInfo *I = X->I;
	for (int l = 0; l < I->nloops; l++) {
		Loop *L = &I->loops[l];
		MemAtom *item = fn_item(X, l);
		if (!L->iter) {
			X->trips[l] = sym_unknown(SY);
			item->max = item->sum = item->count = sym_unknown(SY);
			continue;
		}
		const AVal *it = fn_get(X, L->iter);
		/* the iterated object's items, as seen from outside the loop */
		/* in terms of the enclosing loops' items: summing over those
		 * then adds up this loop's trips exactly */
		const Sym *count = av_len(E, it);
		const Sym *maxl = sym_max_over(SY, av_len(E, av_item(E, it)), item);
		const Sym *sum = it->sum_len ? sym_max_over(SY, it->sum_len, item) : NULL;
		X->trips[l] = count;
		item->count = count;
		item->max = maxl;
		item->sum = sum;
	}
	for (int i = 0; i < X->nmeasures; i++)
		X->measures[i].atom->count = X->trips[X->measures[i].loop];
}

static void value_rounds(FnCtx *X)
{
	FnInfo *I = X->I;
	int nv = I->f->nvalues + 1;
	/* values that still changed when the rounds ran out are given up
	 * (TOP) and kept so for the rounds that settle the rest */
	bool *frozen = xcalloc((size_t)nv, sizeof *frozen);
	bool *moved = xcalloc((size_t)nv, sizeof *moved);
	for (X->round = 0; X->round < MAX_ROUNDS + 3; X->round++) {
		if (X->round >= MAX_ROUNDS) {
			for (int v = 1; v < nv; v++)
				if (moved[v] && !frozen[v]) {
					frozen[v] = true;
					X->val[v] = av_top(X->E, NULL);
					X->alloc[v] = sym_unknown(&X->E->S);
				}
		}
		memset(moved, 0, (size_t)nv * sizeof *moved);
		X->changed = false;
		for (int v = 1; v < nv; v++)
			if (X->final[v])
				X->prev_final[v] = X->final[v];
		memset(X->final, 0, (size_t)nv * sizeof *X->final);
		update_trips(X);
		bool widen = X->round >= ROUNDS_BEFORE_WIDEN;
		for (int i = 0; i < I->nrpo; i++) {
			Block *b = I->rpo[i];
			for (int k = 0; k < b->phis.len; k++) {
				Instr *phi = b->phis.items[k];
				if (!fn_live(phi) || phi->id <= 0)
					continue;
				const AVal *j = av_bot();
				for (int a = 0; a < phi->args.len; a++)
					j = av_join(X->E, j, fn_get(X, phi->args.items[a]));
				if (frozen[phi->id])
					continue;
				if (X->round >= MAX_ROUNDS - 2 && X->val[phi->id] &&
				    !av_equal(X->val[phi->id], j))
					j = av_top(X->E, NULL);
				bool was = X->changed;
				X->changed = false;
				set_val(X, phi, j, widen);
				moved[phi->id] = X->changed;
				X->changed |= was;
			}
			for (int k = 0; k < b->instrs.len; k++) {
				Instr *in = b->instrs.items[k];
				if (!fn_live(in))
					continue;
				const AVal *old = in->id > 0 ? X->val[in->id] : NULL;
				const Sym *olda = in->id > 0 ? X->alloc[in->id] : NULL;
				X->cur = in;
				ops_transfer(X, in);
				X->cur = NULL;
				if (in->id > 0) {
					if (frozen[in->id]) {
						X->val[in->id] = old;
						X->alloc[in->id] = olda;
						continue;
					}
					const AVal *nv = X->val[in->id];
					if (!nv)
						X->val[in->id] = nv = av_top(X->E, NULL);
					if (!old || !av_equal(old, nv)) {
						X->changed = true;
						moved[in->id] = true;
					}
				}
			}
		}
		if (!X->changed)
			break;
	}
	free(frozen);
	free(moved);
	memset(X->final, 0, (size_t)nv * sizeof *X->final);
	update_trips(X);
}

/* Values, then what each container grows by in total: one record per
 * growing site (the walk places it). */
void fn_values(FnCtx *X)
{
	MemEst *E = X->E;
	FnInfo *I = X->I;
	Function *f = I->f;
	int nv = f->nvalues + 1;
	X->val = xcalloc((size_t)nv, sizeof *X->val);
	X->alloc = xcalloc((size_t)nv, sizeof *X->alloc);
	X->extra = xcalloc((size_t)nv, sizeof *X->extra);
	X->taken = xcalloc((size_t)nv, sizeof *X->taken);
	X->calls = xcalloc((size_t)nv, sizeof *X->calls);
	X->final = xcalloc((size_t)nv, sizeof *X->final);
	X->final_busy = xcalloc((size_t)nv, sizeof *X->final_busy);
	X->prev_final = xcalloc((size_t)nv, sizeof *X->prev_final);
	X->items = xcalloc((size_t)(I->nloops + 1), sizeof *X->items);
	X->trips = xcalloc((size_t)(I->nloops + 1), sizeof *X->trips);
	for (int l = 0; l < I->nloops; l++)
		X->trips[l] = sym_unknown(SY);
	X->ret = av_bot();
	value_rounds(X);

	/* container growth: one record per growing site, in total */
	for (int i = 0; i < I->nrpo; i++) {
		Block *b = I->rpo[i];
		for (int k = 0; k < b->instrs.len; k++) {
			Instr *in = b->instrs.items[k];
			if (!fn_live(in))
				continue;
			for (int a = 0; a < in->args.len; a++) {
				Instr *r = ir_resolve(in->args.items[a]);
				if (!r || r->id <= 0 || r->id >= nv)
					continue;
				Growth g;
				memset(&g, 0, sizeof g);
				if (!ops_growth(X, in, r, &g))
					continue;
				const AVal *fin = fn_get(X, r);
				if (g.replace) {
					/* every slot may end up holding what this makes */
					Instr *st = in->args.len > 2 ? ir_resolve(in->args.items[2]) : NULL;
					const Sym *each = st && st->id > 0 && X->alloc[st->id] ? X->alloc[st->id]
					                  : g.item ? g.item->graph : sym_unknown(SY);
					each = sym_no_items(SY, each);
					if (!sym_is_zero(each))
						fn_add_once(X, in, r, sym_mul(SY, av_len(E, fin), each));
					continue;
				}
				int rl = fn_class_region(X, I->cls[r->id]);
				Instr *parent = fn_item_parent(r);
				if (parent)
					rl = fn_class_region(X, I->cls[parent->id]);
				const Sym *count = g.unknown ? sym_unknown(SY)
				                             : fn_over_loops(X, fn_loop_of(X, in), rl, g.count);
				const Sym *grow;
				uint64_t c;
				if (fin->kind == AK_LIST || parent)
					grow = sym_is_num(count, &c) && c == 0
					       ? SY->zero
					       : sym_add(SY, sym_scale(SY, count, 9),
					                 sym_add(SY, parent ? SY->zero : av_len(E, fin),
					                         sym_num(SY, 48)));
				else if (fin->kind == AK_DICT || fin->kind == AK_SET)
					/* a resize holds the old table and the new one: the
					 * old is at most half (a dict doubles, a set grows 4
					 * times) */
					grow = fin->shape ? sym_div(SY, sym_scale(SY, fin->shape, 3), 2)
					                  : sym_unknown(SY);
				else
					grow = fin->kind == AK_TOP ? sym_unknown(SY) : SY->zero;
				/* one site only, grown from empty: exactly what pysize says */
				if (fin->kind == AK_LIST && !parent && fin->appended && fin->shape) {
					uint64_t n;
					if (sym_is_num(fin->len, &n))
						grow = sym_num(SY, pysize_list_appended(n) - 56);
				}
				if (!sym_is_zero(grow))
					fn_add_once(X, in, parent ? fn_top_container(r) : r, grow);
			}
		}
	}

}

void fnctx_free(FnCtx *X)
{
	free(X->val);
	free(X->alloc);
	free(X->extra);
	free(X->taken);
	free(X->calls);
	free(X->final);
	free(X->final_busy);
	free(X->prev_final);
	free(X->items);
	free(X->trips);
	free(X->once);
	free(X->measures);
	free(X->slots);
	free(X->args);
	free(X);
}

/* ---- generator expressions ---- */

static const Sym *yield_one(FnCtx *X, Instr *in, void *arg)
{
	(void)arg;
	return in->op == OP_YIELD ? X->E->S.one : NULL;
}

static const Sym *yield_loop(FnCtx *X, int l, void *arg)
{
	const Sym *per = path_max(X, l, yield_one, yield_loop, arg);
	return sym_sum_over(&X->E->S, per, fn_item(X, l), X->trips[l]);
}

const Sym *fn_yield_count(FnCtx *X)
{
	return sym_no_items(&X->E->S, path_max(X, -1, yield_one, yield_loop, NULL));
}

const Sym *fn_yield_fresh(FnCtx *X)
{
	MemEst *E = X->E;
	const Sym *m = SY->zero;
	for (int i = 0; i < X->I->nrpo; i++) {
		Block *b = X->I->rpo[i];
		for (int k = 0; k < b->instrs.len; k++) {
			Instr *in = b->instrs.items[k];
			if (!fn_live(in) || in->op != OP_YIELD || !in->args.len)
				continue;
			Instr *v = ir_resolve(in->args.items[0]);
			if (v->id > 0 && X->alloc[v->id])
				m = sym_max(SY, m, sym_no_items(SY, X->alloc[v->id]));
		}
	}
	return m;
}
