/* ddg.c: the statement dependence graph: which top-level statements of a
 * function must stay in order, and why.
 *
 *   RAW x    S2 reads the value of x that S1 assigned (SSA def-use for
 *            locals; by name for slots, cells and module names that
 *            functions read)
 *   WAR/WAW  on names that are not renamed by SSA (slots, cells, globals)
 *   MEM x    the statements touch one mutable object, at least one of them
 *            mutating it (b = a; b.append(4) mutates what a names)
 *   EFFECT   both print, read or write files, use random, read stdin, or
 *            call code that is not seen
 *   CTRL     S1 may end the function (return, raise, assert) before S2
 *
 * Objects: values that may be mutable are grouped into classes that may
 * share an object (unification, as in Steensgaard's analysis): a value and
 * what it is assigned from, a container and what is stored in it or read
 * out of it, a call's result and its arguments. A parameter, a module name
 * and "unknown" are classes of their own. This is sound and coarse; the
 * function summaries make calls precise. */
#include "passes/partition_facts.h" /* NameTable */

#include <stdio.h>
#include <stdlib.h>

static const char *const edge_names[] = {"RAW", "WAR", "WAW", "MEM", "EFFECT", "CTRL"};

typedef DdgEdge Edge;
typedef DdgEdgeKind EdgeKind;

/* The edges of one function, as they are found. */
typedef struct Graph {
	Edge *edges;
	int len, cap;
} Graph;

/* Edges are appended as found; sort_edges drops the repeats. */
static void add_edge(Graph *g, int from, int to, EdgeKind k, const char *label, const char *why)
{
	if (from == to)
		return;
	if (g->len == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 32;
		g->edges = xrealloc(g->edges, (size_t)g->cap * sizeof *g->edges);
	}
	g->edges[g->len++] = (Edge){from, to, k, label, why, false};
}

static int cmp_labels(const Edge *x, const Edge *y)
{
	return strcmp(x->label ? x->label : "", y->label ? y->label : "");
}

/* The order of (from, to) groups: by kind, label, then a real repeat
 * before one marked removed, then by explanation, so that the output does
 * not depend on the order edges were found in. */
static int cmp_in_group(const void *a, const void *b)
{
	const Edge *x = a, *y = b;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	int c = cmp_labels(x, y);
	if (c)
		return c;
	if (x->removed != y->removed)
		return (int)x->removed - (int)y->removed;
	return strcmp(x->why ? x->why : "", y->why ? y->why : "");
}

/* One stable counting sort pass: src's len items of `size` bytes, by
 * key(item) in [0, nkeys), into dst. */
static void counting_pass(const char *src, char *dst, size_t size, int len, int nkeys,
                          int (*key)(const void *))
{
	int *start = xcalloc((size_t)nkeys + 1, sizeof *start);
	for (int i = 0; i < len; i++)
		start[key(src + (size_t)i * size) + 1]++;
	for (int k = 0; k < nkeys; k++)
		start[k + 1] += start[k];
	for (int i = 0; i < len; i++) {
		const char *x = src + (size_t)i * size;
		memcpy(dst + (size_t)start[key(x)]++ * size, x, size);
	}
	free(start);
}

/* Sorts items by (major, minor), keys in [0, nmajor) and [0, nminor),
 * keeping the order of ties: a radix sort, linear where a comparison sort
 * of the million edges of a big module is not. */
static void radix_sort(void *items, size_t size, int len, int nminor, int (*minor)(const void *),
                       int nmajor, int (*major)(const void *))
{
	if (len < 2)
		return;
	char *tmp = xmalloc((size_t)len * size);
	counting_pass(items, tmp, size, len, nminor, minor);
	counting_pass(tmp, items, size, len, nmajor, major);
	free(tmp);
}

static int edge_from(const void *e)
{
	return ((const Edge *)e)->from;
}

static int edge_to(const void *e)
{
	return ((const Edge *)e)->to;
}

/* Sorts the edges by (from, to, kind, label) and keeps the first of each:
 * a radix sort on the statements (edges are many, statements n), then a
 * comparison sort within each pair of statements (such groups are small). */
static void sort_edges(Graph *g, int n)
{
	if (g->len < 2)
		return;
	radix_sort(g->edges, sizeof *g->edges, g->len, n, edge_to, n, edge_from);
	int m = 0;
	for (int i = 0; i < g->len;) {
		int end = i + 1;
		while (end < g->len && g->edges[end].from == g->edges[i].from &&
		       g->edges[end].to == g->edges[i].to)
			end++;
		if (end - i > 1)
			qsort(g->edges + i, (size_t)(end - i), sizeof *g->edges, cmp_in_group);
		g->edges[m++] = g->edges[i];
		for (int k = i + 1; k < end; k++) {
			const Edge *kept = &g->edges[m - 1], *b = &g->edges[k];
			if (kept->kind != b->kind || cmp_labels(kept, b) != 0)
				g->edges[m++] = *b;
		}
		i = end;
	}
	g->len = m;
}

/* ---- names ---- */

static bool python_name(const char *n)
{
	return n && n[0] != '.' && n[0] != '<';
}

/* Per statement, the names read and written outside SSA, interned. */
typedef struct NameUse { int stmt, id; bool write; } NameUse;
typedef struct NameUses { NameTable names; NameUse *items; int len, cap; } NameUses;

static void note_name(NameUses *u, int stmt, const char *name, bool write)
{
	if (u->len == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 32;
		u->items = xrealloc(u->items, (size_t)u->cap * sizeof *u->items);
	}
	u->items[u->len++] = (NameUse){stmt, names_intern(&u->names, name), write};
}

static void free_uses(NameUses *u)
{
	names_free(&u->names);
	free(u->items);
}

/* A statement reads before it writes. */
static int use_place(const void *x)
{
	const NameUse *u = x;
	return 2 * u->stmt + u->write;
}

/* In statement order, per name: RAW from the last writer to each reader,
 * WAR from the readers since to the next writer, WAW between consecutive
 * writers. Every conflicting pair is then joined by a path, with edges
 * linear in the uses. */
static void name_edges(Graph *g, NameUses *u, int nstmts)
{
	NameUse *uses = xmalloc((size_t)(u->len ? u->len : 1) * sizeof *uses);
	counting_pass((const char *)u->items, (char *)uses, sizeof *uses, u->len, 2 * nstmts, use_place);
	int nn = u->names.len ? u->names.len : 1;
	int *writer = xmalloc((size_t)nn * sizeof *writer);
	int *last_read = xmalloc((size_t)nn * sizeof *last_read);
	int *readers = xmalloc((size_t)nn * sizeof *readers); /* the last reader, */
	int *earlier = xmalloc((size_t)(u->len ? u->len : 1) * sizeof *earlier); /* then back */
	for (int x = 0; x < nn; x++)
		writer[x] = last_read[x] = readers[x] = -1;
	for (int k = 0; k < u->len; k++) {
		const NameUse *x = &uses[k];
		const char *name = u->names.names[x->id];
		if (!x->write) {
			if (last_read[x->id] == x->stmt)
				continue; /* read again */
			last_read[x->id] = x->stmt;
			if (writer[x->id] >= 0)
				add_edge(g, writer[x->id], x->stmt, DDG_RAW, name, NULL);
			earlier[k] = readers[x->id];
			readers[x->id] = k;
			continue;
		}
		for (int r = readers[x->id]; r >= 0; r = earlier[r])
			add_edge(g, uses[r].stmt, x->stmt, DDG_WAR, name, NULL);
		if (writer[x->id] >= 0)
			add_edge(g, writer[x->id], x->stmt, DDG_WAW, name, NULL);
		writer[x->id] = x->stmt;
		readers[x->id] = -1;
	}
	free(uses);
	free(writer);
	free(last_read);
	free(readers);
	free(earlier);
}

/* The WAR and WAW edges a name-based graph would keep on locals, which
 * SSA renaming removes: each assignment is a new value, so a later one
 * need not wait for earlier reads or writes of the same name. */
static void renamed_edges(Graph *g, const Function *f)
{
	NameUses u = {0};
	for (int s = 0; s < f->nstmts; s++) {
		for (int i = 0; i < f->stmt_reads[s].len; i++)
			note_name(&u, s, f->stmt_reads[s].items[i], false);
		for (int i = 0; i < f->stmt_writes[s].len; i++)
			note_name(&u, s, f->stmt_writes[s].items[i], true);
	}
	Graph named = {0};
	name_edges(&named, &u, f->nstmts);
	for (int i = 0; i < named.len; i++) {
		Edge e = named.edges[i];
		if (e.kind == DDG_RAW)
			continue; /* SSA keeps those, as the RAW edges above */
		int before = g->len;
		add_edge(g, e.from, e.to, e.kind, e.label, "removed: SSA renames it");
		if (g->len > before)
			g->edges[g->len - 1].removed = true;
	}
	free(named.edges);
	free_uses(&u);
}

/* ---- objects ---- */

typedef struct Classes {
	int *parent;     /* union-find over value ids and the fixed classes */
	int nvalues;
	const char **label;   /* a Python name of the class, for edge labels */
} Classes;

/* Fixed classes after the value ids. */
enum { CL_UNKNOWN = 0, CL_PARAM = 1 }; /* CL_PARAM + i for parameter i (< 62) */

static int cls_find(Classes *c, int x)
{
	while (c->parent[x] != x) {
		c->parent[x] = c->parent[c->parent[x]];
		x = c->parent[x];
	}
	return x;
}

/* The root is the lower node: fixed classes first, then the value made
 * first, whose name labels the class. */
static void cls_union(Classes *c, int a, int b)
{
	a = cls_find(c, a);
	b = cls_find(c, b);
	if (a == b)
		return;
	if (b < a) {
		int t = a;
		a = b;
		b = t;
	}
	c->parent[b] = a;
	if (!c->label[a])
		c->label[a] = c->label[b];
}

/* Values of these types are never mutated: they need no class. */
static bool immutable(const Type *t)
{
	return t && (t->kind == TY_NONE || t->kind == TY_BOOL || t->kind == TY_INT ||
	             t->kind == TY_FLOAT || t->kind == TY_STR || t->kind == TY_RANGE ||
	             t->kind == TY_FUNC || t->kind == TY_MODULE || t->kind == TY_SLICE);
}

static int value_node(const Classes *c, const Instr *v)
{
	(void)c;
	return 64 + ir_resolve((Instr *)v)->id;
}

/* The module's bindings by name, for the calls that change module-level
 * objects: first[id], then next[], lists a name's bindings in order. */
typedef struct BindIndex { NameTable names; int *first, *next; int nfirst; } BindIndex;

static void bind_index_build(BindIndex *x, const Function *f)
{
	int n = f->binds.len;
	int *ids = xmalloc((size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; i < n; i++)
		ids[i] = names_intern(&x->names, f->binds.items[i].name);
	x->nfirst = x->names.len;
	x->first = xmalloc((size_t)(x->nfirst ? x->nfirst : 1) * sizeof *x->first);
	x->next = xmalloc((size_t)(n ? n : 1) * sizeof *x->next);
	for (int k = 0; k < x->nfirst; k++)
		x->first[k] = -1;
	for (int i = n - 1; i >= 0; i--) {
		x->next[i] = x->first[ids[i]];
		x->first[ids[i]] = i;
	}
	free(ids);
}

/* The first binding of name, or -1. */
static int bind_index_first(BindIndex *x, const char *name)
{
	int id = names_intern(&x->names, name);
	return id < x->nfirst ? x->first[id] : -1;
}

static void bind_index_free(BindIndex *x)
{
	names_free(&x->names);
	free(x->first);
	free(x->next);
}

/* Builds the classes of a function's values. */
static void build_classes(Classes *c, Function *f, const SummaryTable *t)
{
	BindIndex binds = {0};
	if (f->is_module)
		bind_index_build(&binds, f);
	int n = 64 + f->nvalues + 1;
	c->nvalues = n;
	c->parent = xmalloc((size_t)n * sizeof *c->parent);
	c->label = xcalloc((size_t)n, sizeof *c->label);
	for (int i = 0; i < n; i++)
		c->parent[i] = i;
	c->label[CL_UNKNOWN] = "?";
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		InstrVec *lists[2] = {&bb->phis, &bb->instrs};
		for (int l = 0; l < 2; l++) {
			for (int k = 0; k < lists[l]->len; k++) {
				Instr *v = lists[l]->items[k];
				int self = value_node(c, v);
				if (ir_has_value(v->op) && python_name(v->name) && !c->label[self])
					c->label[self] = v->name;
				switch (v->op) {
				case OP_PARAM:
					cls_union(c, v->imm.index < 62 && v->imm.index < f->nparams
					             ? CL_PARAM + v->imm.index : CL_UNKNOWN, self);
					break;
				case OP_LOAD_GLOBAL: case OP_SLOT_LOAD: case OP_CELL_LOAD:
				case OP_CUR_EXC:
					/* Objects others can reach: shared with every
					 * other such value, soundly. */
					cls_union(c, CL_UNKNOWN, self);
					break;
				case OP_PHI: case OP_GETITEM: case OP_GETATTR: case OP_EXTRACT:
				case OP_UNPACK: case OP_ITER: case OP_ITERNEXT: case OP_WITH_ENTER:
				case OP_BUILD_LIST: case OP_BUILD_TUPLE: case OP_BUILD_SET:
				case OP_BUILD_DICT:
					/* the same object, an item of it, or a container of
					 * the operands: one class */
					for (int a = 0; a < v->args.len; a++) {
						Instr *x = ir_resolve(v->args.items[a]);
						if ((v->op == OP_GETITEM || v->op == OP_GETATTR) && a > 0)
							break; /* the index is not the container */
						if (!immutable(x->type))
							cls_union(c, self, value_node(c, x));
					}
					break;
				case OP_BINOP:
					if (v->inplace)
						cls_union(c, self, value_node(c, v->args.items[0]));
					break;
				case OP_SETITEM: case OP_LIST_APPEND: case OP_SET_ADD: case OP_DICT_PUT:
				case OP_SETATTR:
					/* what is stored joins the container */
					for (int a = 1; a < v->args.len; a++)
						if (!immutable(v->args.items[a]->type))
							cls_union(c, value_node(c, v->args.items[0]),
							          value_node(c, v->args.items[a]));
					break;
				case OP_CALL: case OP_CALL_METHOD: {
					/* The result may be an argument or something reachable
					 * from one; a call we cannot see may return anything. */
					const Function *g = v->op == OP_CALL ? summary_callee(t, v->args.items[0]) : NULL;
					bool builtin = v->op == OP_CALL && ir_resolve(v->args.items[0])->op == OP_BUILTIN;
					if (!g && !builtin && v->op == OP_CALL)
						cls_union(c, CL_UNKNOWN, self);
					for (int a = v->op == OP_CALL ? 1 : 0; a < v->args.len; a++)
						if (!immutable(v->args.items[a]->type) && !immutable(v->type))
							cls_union(c, self, value_node(c, v->args.items[a]));
					/* A callee that changes objects may store one argument
					 * into another or into a module-level object (the
					 * summaries track changes, not where objects go): its
					 * mutable arguments and what it changes share a class. */
					const Summary *gs = g ? summary_find(t, g) : NULL;
					if (gs && (gs->mutates_params || gs->mutates_globals.len || gs->mutates_unknown)) {
						int first = -1;
						for (int a = 1; a < v->args.len; a++) {
							Instr *x = ir_resolve(v->args.items[a]);
							if (immutable(x->type))
								continue;
							if (first < 0)
								first = value_node(c, x);
							else
								cls_union(c, first, value_node(c, x));
						}
						if (first >= 0 && (gs->mutates_unknown || !f->is_module))
							cls_union(c, first, CL_UNKNOWN);
						for (int k = 0; first >= 0 && f->is_module && k < gs->mutates_globals.len; k++)
							for (int bi = bind_index_first(&binds, gs->mutates_globals.items[k]);
							     bi >= 0; bi = binds.next[bi])
								if (!immutable(ir_resolve(f->binds.items[bi].value)->type))
									cls_union(c, first, value_node(c, f->binds.items[bi].value));
					}
					/* stored into the receiver: x.append(y) */
					if (v->op == OP_CALL_METHOD && is_mutating_method(v->imm.name))
						for (int a = 1; a < v->args.len; a++)
							if (!immutable(v->args.items[a]->type))
								cls_union(c, value_node(c, v->args.items[0]),
								          value_node(c, v->args.items[a]));
					break;
				}
				default:
					break;
				}
			}
		}
	}
	bind_index_free(&binds);
}

/* Per statement: the classes it reads and writes, as sets of roots. */
typedef struct Access { int *reads, *writes; int nr, nw, cr, cw; const char *why; } Access;

/* Appends x, known not to be in the set. */
static void access_add_new(int **set, int *n, int *cap, int x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*set = xrealloc(*set, (size_t)*cap * sizeof **set);
	}
	(*set)[(*n)++] = x;
}

static void access_add(int **set, int *n, int *cap, int x)
{
	for (int i = 0; i < *n; i++)
		if ((*set)[i] == x)
			return;
	access_add_new(set, n, cap, x);
}

static void note_read(Classes *c, Access *a, Instr *v)
{
	v = ir_resolve(v);
	if (!immutable(v->type))
		access_add(&a->reads, &a->nr, &a->cr, cls_find(c, value_node(c, v)));
}

static const char *const kind_names[] = {
#define X(k, s) s,
	IR_TYPES(X)
#undef X
};

/* The receiver of a method call as the source writes it (`b` in
 * `b.append(4)`), when it is a plain name on the call's line. */
static const char *receiver_text(Arena *arena, const SourceFile *src, const Instr *call)
{
	if (!src || call->loc.line < 1 || call->loc.line > src->nlines)
		return NULL;
	const char *p = src->lines[call->loc.line] + call->loc.col - 1;
	const char *q = p;
	while (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
	       (*q >= '0' && *q <= '9'))
		q++;
	size_t n = strlen(call->imm.name);
	if (q == p || *q != '.' || strncmp(q + 1, call->imm.name, n) != 0)
		return NULL;
	return arena_strndup(arena, p, (size_t)(q - p));
}

/* "b.append mutates the list a names": the change, and what it reaches. */
static const char *explain(Arena *arena, Classes *c, Instr *obj, const char *how,
                           const char *recv)
{
	obj = ir_resolve(obj);
	if (!recv)
		recv = python_name(obj->name) ? obj->name : "an object";
	const char *label = c->label[cls_find(c, value_node(c, obj))];
	const char *kind = obj->type && obj->type->kind != TY_OBJECT ? kind_names[obj->type->kind]
	                                                               : "object";
	StrBuf b;
	sb_init(&b);
	if (how[0] == '.')
		sb_printf(&b, "%s%s mutates the %s %s names", recv, how, kind,
		          label && python_name(label) ? label : recv);
	else
		sb_printf(&b, "%s %s", how, recv);
	const char *r = arena_strdup(arena, b.data);
	sb_free(&b);
	return r;
}

static void note_write(Classes *c, Access *a, Instr *v, const char *why)
{
	access_add(&a->writes, &a->nw, &a->cw, cls_find(c, value_node(c, v)));
	if (!a->why)
		a->why = why;
}

/* A writer explains the edges it starts; a reader's edge to the next
 * writer is explained by that writer. */
/* MEM edges, in statement order, per class of objects: from the last
 * writer to each reader (the value read), from the readers since to the
 * next writer, between consecutive writers. The unknown class may be any
 * object: reading it follows every class's last writer, writing it
 * follows every access, and every later access follows it. Every
 * conflicting pair is joined by a path; the edges stay near linear. */
typedef struct ClassState { int last_writer; int *readers; int nr, cr; } ClassState;

static void mem_edge(Graph *g, Classes *c, const Access *acc, int from, int to, int x, bool to_writes)
{
	const char *why = to_writes ? acc[to].why : acc[from].why;
	add_edge(g, from, to, DDG_MEM, c->label[x] ? c->label[x] : "?", why);
}

static void mem_edges(Graph *g, Classes *c, const Access *acc, int n)
{
	int nc = c->nvalues;
	ClassState *st = xcalloc((size_t)nc, sizeof *st);
	for (int x = 0; x < nc; x++)
		st[x].last_writer = -1;
	int *live = xmalloc((size_t)nc * sizeof *live); /* classes with state */
	bool *is_live = xcalloc((size_t)nc, sizeof *is_live);
	int nlive = 0;
	ClassState *u = &st[CL_UNKNOWN];
	for (int j = 0; j < n; j++) {
		const Access *a = &acc[j];
		bool reads_u = false, writes_u = false;
		for (int r = 0; r < a->nr; r++)
			reads_u |= a->reads[r] == CL_UNKNOWN;
		for (int w = 0; w < a->nw; w++)
			writes_u |= a->writes[w] == CL_UNKNOWN;
		/* reads */
		for (int r = 0; r < a->nr; r++) {
			int x = a->reads[r];
			ClassState *s = &st[x];
			if (s->last_writer >= 0)
				mem_edge(g, c, acc, s->last_writer, j, x, false);
			if (x != CL_UNKNOWN && u->last_writer >= 0)
				mem_edge(g, c, acc, u->last_writer, j, x, false);
			/* statements come in order: a repeat is the last one */
			if (s->nr == 0 || s->readers[s->nr - 1] != j)
				access_add_new(&s->readers, &s->nr, &s->cr, j);
			if (!is_live[x]) {
				is_live[x] = true;
				live[nlive++] = x;
			}
		}
		if (reads_u)
			for (int l = 0; l < nlive; l++)
				if (st[live[l]].last_writer >= 0)
					mem_edge(g, c, acc, st[live[l]].last_writer, j, live[l], false);
		/* writes */
		for (int w = 0; w < a->nw; w++) {
			int x = a->writes[w];
			ClassState *s = &st[x];
			for (int r = 0; r < s->nr; r++)
				mem_edge(g, c, acc, s->readers[r], j, x, true);
			for (int r = 0; x != CL_UNKNOWN && r < u->nr; r++)
				mem_edge(g, c, acc, u->readers[r], j, x, true);
			if (s->last_writer >= 0)
				mem_edge(g, c, acc, s->last_writer, j, x, false);
			if (x != CL_UNKNOWN && u->last_writer >= 0)
				mem_edge(g, c, acc, u->last_writer, j, x, false);
		}
		if (writes_u) {
			for (int l = 0; l < nlive; l++) {
				ClassState *s = &st[live[l]];
				for (int r = 0; r < s->nr; r++)
					mem_edge(g, c, acc, s->readers[r], j, CL_UNKNOWN, true);
				if (s->last_writer >= 0)
					mem_edge(g, c, acc, s->last_writer, j, CL_UNKNOWN, false);
				/* everything later follows j: j stands for them all */
				s->last_writer = -1;
				s->nr = 0;
				is_live[live[l]] = false;
			}
			nlive = 0; /* none has state left */
		}
		for (int w = 0; w < a->nw; w++) {
			int x = a->writes[w];
			st[x].last_writer = j;
			st[x].nr = 0;
			if (!is_live[x]) {
				is_live[x] = true;
				live[nlive++] = x;
			}
		}
	}
	for (int x = 0; x < nc; x++)
		free(st[x].readers);
	free(st);
	free(live);
	free(is_live);
}

/* ---- effects ---- */

static const char *const effect_names[] = {"stdout", "stdin", "files", "random", "unknown call"};

/* One chain per effect: each statement with it follows the last one with
 * it. A call to unseen code has every effect. */
static void effect_edges(Graph *g, const unsigned *effects, int n)
{
	int last[5] = {-1, -1, -1, -1, -1};
	for (int j = 0; j < n; j++) {
		unsigned e = effects[j];
		if (e & EFF_UNKNOWN)
			e = EFF_STDOUT | EFF_STDIN | EFF_FILES | EFF_RANDOM | EFF_UNKNOWN;
		for (int b = 0; b < 5; b++) {
			if (!(e & (1u << b)))
				continue;
			/* an unseen call is ordered with every effect, by any chain */
			int prev = last[b];
			if (b < 4 && last[4] > prev)
				prev = last[4];
			if (prev >= 0) {
				bool unknown = (effects[j] | effects[prev]) & EFF_UNKNOWN;
				add_edge(g, prev, j, DDG_EFFECT, unknown ? effect_names[4] : effect_names[b], NULL);
			}
			last[b] = j;
		}
	}
}

/* ---- the graph of one function ---- */

void put_source_line(StrBuf *out, const SourceFile *src, int line)
{
	if (!src || line < 1 || line > src->nlines)
		return;
	const char *p = src->lines[line];
	const char *end = src->text + src->len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	const char *e = p;
	while (e < end && *e != '\n' && *e != '\r')
		e++;
	sb_append(out, p, (size_t)(e - p));
}

static void put_dot_string(StrBuf *out, const char *s)
{
	sb_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_putc(out, '\\');
		sb_putc(out, *s);
	}
	sb_putc(out, '"');
}

/* Appends "S12" (statement 11, as the dumps name it) at p. */
static char *put_stmt(char *p, int i)
{
	char digits[12];
	int n = 0;
	unsigned v = (unsigned)i + 1;
	do
		digits[n++] = (char)('0' + v % 10);
	while (v /= 10);
	*p++ = 'S';
	while (n)
		*p++ = digits[--n];
	return p;
}

static char *put_str(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

/* "S1 -> S2 RAW x (why)": built in one piece, without printf, whose cost
 * shows on the million edges of a big module. */
static void put_edge(StrBuf *out, const Edge *e)
{
	const char *kind = edge_names[e->kind];
	size_t nk = strlen(kind), nl = e->label ? strlen(e->label) : 0, nw = e->why ? strlen(e->why) : 0;
	size_t max = 2 * 12 + 4 + 1 + nk + 1 + nl + 3 + nw + 1;
	char small[256], *buf = max <= sizeof small ? small : xmalloc(max);
	char *p = put_stmt(buf, e->from);
	p = put_str(p, " -> ", 4);
	p = put_stmt(p, e->to);
	*p++ = ' ';
	p = put_str(p, kind, nk);
	if (e->label) {
		*p++ = ' ';
		p = put_str(p, e->label, nl);
	}
	if (e->why) {
		p = put_str(p, " (", 2);
		p = put_str(p, e->why, nw);
		*p++ = ')';
	}
	*p++ = '\n';
	sb_append(out, buf, (size_t)(p - buf));
	if (buf != small)
		free(buf);
}

static void print_text(StrBuf *out, const Function *f, const Graph *g, const SourceFile *src)
{
	sb_printf(out, "*** DDG for %s ***\n", f->name);
	for (int i = 0; i < f->nstmts; i++) {
		sb_printf(out, "S%d line %d: ", i + 1, f->stmt_ranges[i].line);
		put_source_line(out, src, f->stmt_ranges[i].line);
		sb_putc(out, '\n');
	}
	for (int i = 0; i < g->len; i++)
		put_edge(out, &g->edges[i]);
}

/* The same graph for Graphviz: removed edges dashed and grey. */
static void print_dot(StrBuf *out, const Function *f, const Graph *g, const SourceFile *src)
{
	sb_puts(out, "digraph ");
	put_dot_string(out, f->name);
	sb_puts(out, " {\n  node [shape=box, fontname=\"monospace\"];\n");
	StrBuf text;
	sb_init(&text);
	for (int i = 0; i < f->nstmts; i++) {
		sb_clear(&text);
		sb_printf(&text, "S%d line %d: ", i + 1, f->stmt_ranges[i].line);
		put_source_line(&text, src, f->stmt_ranges[i].line);
		sb_printf(out, "  S%d [label=", i + 1);
		put_dot_string(out, text.data);
		sb_puts(out, "];\n");
	}
	for (int i = 0; i < g->len; i++) {
		const Edge *e = &g->edges[i];
		sb_clear(&text);
		sb_puts(&text, edge_names[e->kind]);
		if (e->label)
			sb_printf(&text, " %s", e->label);
		sb_printf(out, "  S%d -> S%d [label=", e->from + 1, e->to + 1);
		put_dot_string(out, text.data);
		if (e->why) {
			sb_puts(out, ", tooltip=");
			put_dot_string(out, e->why);
		}
		if (e->removed)
			sb_puts(out, ", style=dashed, color=grey");
		sb_puts(out, "];\n");
	}
	sb_puts(out, "}\n");
	sb_free(&text);
}

Ddg *ddg_build(Function *f, const SummaryTable *t, const SourceFile *src, bool show_names)
{
	int n = f->nstmts;
	Ddg *d = xcalloc(1, sizeof *d);
	d->fn = f;
	d->nstmts = n;
	Graph g = {0};
	NameUses names = {0};
	Classes c;
	build_classes(&c, f, t);
	Access *acc = xcalloc((size_t)(n ? n : 1), sizeof *acc);
	unsigned *effects = xcalloc((size_t)(n ? n : 1), sizeof *effects);
	bool *ctrl = xcalloc((size_t)(n ? n : 1), sizeof *ctrl);
	Arena *arena = f->module->arena;

	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		InstrVec *lists[2] = {&bb->phis, &bb->instrs};
		for (int l = 0; l < 2; l++) {
			for (int k = 0; k < lists[l]->len; k++) {
				Instr *in = lists[l]->items[k];
				int j = in->stmt;
				if (j < 0 || j >= n)
					continue;
				/* RAW through SSA */
				for (int a = 0; a < in->args.len; a++) {
					Instr *v = ir_resolve(in->args.items[a]);
					if (v->op == OP_UNDEF)
						continue;
					/* Parameters and cells exist before any statement: no
					 * RAW edge (a cell's contents are tracked by name), but
					 * reading their objects still counts. */
					if (v->op != OP_PARAM && v->op != OP_CELL_NEW && v->stmt < j)
						add_edge(&g, v->stmt, j, DDG_RAW,
						         python_name(v->name) ? v->name : NULL, NULL);
					note_read(&c, &acc[j], v);
				}
				switch (in->op) {
				case OP_SLOT_LOAD: note_name(&names, j, in->imm.name, false); break;
				case OP_SLOT_STORE: case OP_STORE_GLOBAL:
					note_name(&names, j, in->imm.name, true);
					break;
				case OP_CELL_STORE:
					note_name(&names, j, ir_resolve(in->args.items[0])->imm.name, true);
					break;
				case OP_CELL_LOAD:
					/* a cell of this function: the name is on it */
					if (ir_resolve(in->args.items[0])->op == OP_CELL_NEW)
						note_name(&names, j, ir_resolve(in->args.items[0])->imm.name, false);
					break;
				case OP_SETITEM: case OP_DELITEM:
					note_write(&c, &acc[j], in->args.items[0],
					           explain(arena, &c, in->args.items[0], "an item assignment changes", NULL));
					break;
				case OP_SETATTR: case OP_DELATTR:
					note_write(&c, &acc[j], in->args.items[0],
					           explain(arena, &c, in->args.items[0], "an attribute assignment changes", NULL));
					break;
				case OP_BINOP:
					if (in->inplace && !immutable(in->args.items[0]->type))
						note_write(&c, &acc[j], in->args.items[0],
						           explain(arena, &c, in->args.items[0], "an augmented assignment may change", NULL));
					break;
				case OP_CALL_METHOD:
					if (is_mutating_method(in->imm.name)) {
						char how[64];
						snprintf(how, sizeof how, ".%s", in->imm.name);
						note_write(&c, &acc[j], in->args.items[0],
						           explain(arena, &c, in->args.items[0], how,
						                   receiver_text(arena, src, in)));
					}
					break;
				case OP_CALL: {
					const Function *callee = summary_callee(t, in->args.items[0]);
					const Summary *s = callee ? summary_find(t, callee) : NULL;
					bool builtin = ir_resolve(in->args.items[0])->op == OP_BUILTIN;
					if (builtin)
						break;
					if (!s || s->mutates_unknown || s->mutates_globals.len) {
						access_add(&acc[j].writes, &acc[j].nw, &acc[j].cw, CL_UNKNOWN);
						if (!acc[j].why)
							acc[j].why = "a call changes objects it can reach";
					}
					/* A closure reads its captured variables when called,
					 * as they are then. */
					for (int v = 0; callee && v < callee->freevars.len; v++)
						note_name(&names, j, callee->freevars.items[v], false);
					if (s) {
						int nargs = in->args.len - 1 - in->nkw;
						for (int p = 0; p < nargs && p < 62; p++)
							if (s->mutates_params & (1ull << p))
								note_write(&c, &acc[j], in->args.items[1 + p],
								           explain(arena, &c, in->args.items[1 + p],
								                   "a call changes its argument", NULL));
						/* the module names the callee reads */
						for (int r = 0; f->is_module && r < s->reads_globals.len; r++)
							note_name(&names, j, s->reads_globals.items[r], false);
					}
					break;
				}
				default:
					break;
				}
				bool c_end = false;
				effects[j] |= effects_of_instr(in, t, &c_end);
				/* the implicit return at the end is no early exit */
				if (c_end && !(in->op == OP_RET && j == n - 1))
					ctrl[j] = true;
			}
		}
	}
	name_edges(&g, &names, n);
	if (show_names)
		renamed_edges(&g, f);

	mem_edges(&g, &c, acc, n);
	effect_edges(&g, effects, n);
	/* CTRL: what follows an early exit waits for it; such statements are
	 * few, so each gets an edge to every later one. */
	for (int i = 0; i < n; i++)
		for (int j = i + 1; ctrl[i] && j < n; j++)
			add_edge(&g, i, j, DDG_CTRL, NULL, NULL);

	sort_edges(&g, n);
	d->edges = g.edges;
	d->nedges = g.len;
	d->stmts = xcalloc((size_t)(n ? n : 1), sizeof *d->stmts);
	for (int i = 0; i < n; i++) {
		d->stmts[i] = (DdgStmt){effects[i], ctrl[i], acc[i].reads, acc[i].writes,
		                        acc[i].nr, acc[i].nw};
		/* the class ids are roots at the end, not when they were noted */
		for (int k = 0; k < acc[i].nr; k++)
			acc[i].reads[k] = cls_find(&c, acc[i].reads[k]);
		for (int k = 0; k < acc[i].nw; k++)
			acc[i].writes[k] = cls_find(&c, acc[i].writes[k]);
	}
	d->cls_parent = c.parent;
	d->cls_label = c.label;
	d->ncls = c.nvalues;
	free(acc);
	free(effects);
	free(ctrl);
	free_uses(&names);
	return d;
}

int ddg_class_of(const Ddg *d, const Instr *v)
{
	v = ir_resolve((Instr *)v);
	if (immutable(v->type))
		return -1;
	Classes c = {d->cls_parent, d->ncls, d->cls_label};
	return cls_find(&c, 64 + v->id);
}

bool ddg_class_is_unknown(int cls)
{
	return cls == CL_UNKNOWN;
}

void ddg_free(Ddg *d)
{
	if (!d)
		return;
	for (int i = 0; i < d->nstmts; i++) {
		free(d->stmts[i].reads);
		free(d->stmts[i].writes);
	}
	free(d->stmts);
	free(d->edges);
	free(d->cls_parent);
	free(d->cls_label);
	free(d);
}

void ddg_print(StrBuf *out, IRModule *m, const SourceFile *src, const DdgOptions *opts)
{
	SummaryTable t;
	summaries_compute(&t, m);
	for (int i = 0; i < m->functions.len; i++) {
		Function *f = m->functions.items[i];
		if (f->nstmts == 0)
			continue;
		Ddg *d = ddg_build(f, &t, src, opts->show_names);
		Graph g = {d->edges, d->nedges, d->nedges};
		if (opts->dot)
			print_dot(out, f, &g, src);
		else
			print_text(out, f, &g, src);
		ddg_free(d);
	}
	summaries_free(&t);
}
