package data

import (
	"context"
	"database/sql"
	"sync"
)

// writeConn is the one connection Insert writes through. A statement
// prepared on the pool is prepared again on whichever connection a
// transaction gets, and Insert's multi-row statements are big: on a
// connection of its own each is prepared once, and its page cache stays warm
// from batch to batch.
type writeConn struct {
	mu    sync.Mutex // one transaction at a time
	conn  *sql.Conn
	stmts map[string]*sql.Stmt
}

// writeTx runs fn in a write transaction (BEGIN IMMEDIATE) on the store's
// write connection, committing if fn returns nil and rolling back if not. A
// connection that failed is closed, so the next transaction starts on a
// fresh one with nothing left over.
func (s *Store) writeTx(ctx context.Context, fn func(w *writeConn) error) (err error) {
	w := &s.writer
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		if w.conn, err = s.db.Conn(ctx); err != nil {
			return err
		}
	}
	if _, err := w.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		w.close()
		return err
	}
	defer func() {
		if err != nil {
			// The transaction is rolled back even when ctx was what failed.
			w.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
			w.close()
		}
	}()
	if err := fn(w); err != nil {
		return err
	}
	_, err = w.conn.ExecContext(ctx, "COMMIT")
	return err
}

// stmt returns the statement for query on the write connection, preparing it
// the first time.
func (w *writeConn) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if stmt, ok := w.stmts[query]; ok {
		return stmt, nil
	}
	stmt, err := w.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[query] = stmt
	return stmt, nil
}

// close closes the write connection and its statements; the next write
// opens another. The caller holds mu.
func (w *writeConn) close() {
	for _, stmt := range w.stmts {
		stmt.Close()
	}
	w.stmts = nil
	if w.conn != nil {
		w.conn.Close()
		w.conn = nil
	}
}
