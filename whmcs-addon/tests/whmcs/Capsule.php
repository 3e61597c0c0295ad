<?php
/**
 * Stand-in for WHMCS's Capsule (Laravel's query builder), over SQLite through PDO: only the calls
 * the RVssl modules make, with Laravel's names and return shapes. One SQLite file is shared by
 * the test process and the PHP server that serves the webhook callback, as one MySQL database is
 * shared by WHMCS's requests.
 */

namespace WHMCS\Database;

final class Capsule
{
    private static ?\PDO $pdo = null;

    public static function connection(): \PDO
    {
        if (self::$pdo === null) {
            $file = getenv('RVSSL_WHMCS_DB') ?: sys_get_temp_dir() . '/rvssl-whmcs.sqlite';
            self::$pdo = new \PDO('sqlite:' . $file, null, null, [
                \PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION,
                \PDO::ATTR_DEFAULT_FETCH_MODE => \PDO::FETCH_OBJ,
                \PDO::ATTR_TIMEOUT => 30,
            ]);
            self::$pdo->exec('PRAGMA journal_mode=WAL');
        }
        return self::$pdo;
    }

    public static function table(string $table): Query
    {
        return new Query(self::connection(), $table);
    }

    public static function schema(): SchemaBuilder
    {
        return new SchemaBuilder(self::connection());
    }
}

final class Query
{
    /** @var list<array{0: string, 1: string, 2: mixed}> */
    private array $wheres = [];

    private array $orders = [];

    public function __construct(private readonly \PDO $pdo, private readonly string $table)
    {
    }

    public function where(string $column, mixed $operatorOrValue, mixed $value = null): self
    {
        $this->wheres[] = func_num_args() === 2 ? [$column, '=', $operatorOrValue] : [$column, (string) $operatorOrValue, $value];
        return $this;
    }

    public function orderBy(string $column, string $direction = 'asc'): self
    {
        $this->orders[] = '"' . $column . '" ' . (strtolower($direction) === 'desc' ? 'DESC' : 'ASC');
        return $this;
    }

    public function get(): Collection
    {
        [$where, $bindings] = $this->whereSql();
        $sql = 'SELECT * FROM "' . $this->table . '"' . $where . ($this->orders ? ' ORDER BY ' . implode(', ', $this->orders) : '');
        return new Collection($this->run($sql, $bindings)->fetchAll());
    }

    public function first(): ?object
    {
        return $this->get()->first();
    }

    public function value(string $column): mixed
    {
        $row = $this->first();
        return $row === null ? null : $row->$column;
    }

    public function pluck(string $column, ?string $key = null): Collection
    {
        $values = [];
        foreach ($this->get() as $row) {
            if ($key === null) {
                $values[] = $row->$column;
            } else {
                $values[$row->$key] = $row->$column;
            }
        }
        return new Collection($values);
    }

    public function exists(): bool
    {
        return $this->first() !== null;
    }

    public function count(): int
    {
        return count($this->get());
    }

    public function insert(array $row): bool
    {
        $this->write('INSERT', $row);
        return true;
    }

    public function insertGetId(array $row): int
    {
        $this->write('INSERT', $row);
        return (int) $this->pdo->lastInsertId();
    }

    /** @return int rows inserted: 0 when a unique key already holds the values */
    public function insertOrIgnore(array $row): int
    {
        return $this->write('INSERT OR IGNORE', $row);
    }

    public function update(array $values): int
    {
        [$where, $bindings] = $this->whereSql();
        $sets = implode(', ', array_map(static fn ($c) => '"' . $c . '" = ?', array_keys($values)));
        return $this->run('UPDATE "' . $this->table . '" SET ' . $sets . $where, array_merge(array_values($values), $bindings))
            ->rowCount();
    }

    public function updateOrInsert(array $attributes, array $values = []): bool
    {
        $query = new self($this->pdo, $this->table);
        foreach ($attributes as $column => $value) {
            $query->where($column, $value);
        }
        if ($query->exists()) {
            return $values === [] || $query->update($values) >= 0;
        }
        return $this->insert($attributes + $values);
    }

    public function delete(): int
    {
        [$where, $bindings] = $this->whereSql();
        return $this->run('DELETE FROM "' . $this->table . '"' . $where, $bindings)->rowCount();
    }

    private function write(string $verb, array $row): int
    {
        $columns = implode(', ', array_map(static fn ($c) => '"' . $c . '"', array_keys($row)));
        $marks = implode(', ', array_fill(0, count($row), '?'));
        return $this->run($verb . ' INTO "' . $this->table . '" (' . $columns . ') VALUES (' . $marks . ')', array_values($row))
            ->rowCount();
    }

    private function whereSql(): array
    {
        if ($this->wheres === []) {
            return ['', []];
        }
        $parts = [];
        $bindings = [];
        foreach ($this->wheres as [$column, $operator, $value]) {
            if ($value === null) {
                $parts[] = '"' . $column . '" IS ' . ($operator === '=' ? '' : 'NOT ') . 'NULL';
            } else {
                $parts[] = '"' . $column . '" ' . $operator . ' ?';
                $bindings[] = $value;
            }
        }
        return [' WHERE ' . implode(' AND ', $parts), $bindings];
    }

    private function run(string $sql, array $bindings): \PDOStatement
    {
        $statement = $this->pdo->prepare($sql);
        $statement->execute(array_map(static fn ($v) => is_bool($v) ? (int) $v : $v, $bindings));
        return $statement;
    }
}

final class Collection implements \IteratorAggregate, \Countable
{
    public function __construct(private readonly array $items)
    {
    }

    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->items);
    }

    public function count(): int
    {
        return count($this->items);
    }

    public function first(): mixed
    {
        return $this->items === [] ? null : $this->items[array_key_first($this->items)];
    }

    public function all(): array
    {
        return $this->items;
    }

    public function toArray(): array
    {
        return $this->items;
    }
}

final class SchemaBuilder
{
    public function __construct(private readonly \PDO $pdo)
    {
    }

    public function hasTable(string $table): bool
    {
        $statement = $this->pdo->prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?");
        $statement->execute([$table]);
        return $statement->fetch() !== false;
    }

    public function create(string $table, \Closure $definition): void
    {
        $blueprint = new Blueprint();
        $definition($blueprint);
        $this->pdo->exec('CREATE TABLE IF NOT EXISTS "' . $table . '" (' . $blueprint->sql() . ')');
    }

    public function hasColumn(string $table, string $column): bool
    {
        foreach ($this->pdo->query('PRAGMA table_info("' . $table . '")')->fetchAll() as $existing) {
            if ($existing->name === $column) {
                return true;
            }
        }
        return false;
    }

    /** Alters a table as Laravel's Schema::table() does; the stand-in knows only adding (nullable) columns. */
    public function table(string $table, \Closure $definition): void
    {
        $blueprint = new Blueprint();
        $definition($blueprint);
        foreach ($blueprint->columns() as $column) {
            $this->pdo->exec('ALTER TABLE "' . $table . '" ADD COLUMN ' . $column->sql());
        }
    }

    public function dropIfExists(string $table): void
    {
        $this->pdo->exec('DROP TABLE IF EXISTS "' . $table . '"');
    }
}

final class Blueprint
{
    /** @var list<Column> */
    private array $columns = [];

    public function increments(string $name): Column
    {
        return $this->add($name, 'INTEGER')->primary();
    }

    public function integer(string $name): Column
    {
        return $this->add($name, 'INTEGER');
    }

    public function string(string $name, int $length = 255): Column
    {
        return $this->add($name, 'VARCHAR(' . $length . ')');
    }

    public function text(string $name): Column
    {
        return $this->add($name, 'TEXT');
    }

    public function timestamp(string $name): Column
    {
        return $this->add($name, 'TIMESTAMP');
    }

    /** @return list<Column> */
    public function columns(): array
    {
        return $this->columns;
    }

    public function sql(): string
    {
        return implode(', ', array_map(static fn (Column $c) => $c->sql(), $this->columns));
    }

    private function add(string $name, string $type): Column
    {
        return $this->columns[] = new Column($name, $type);
    }
}

final class Column
{
    private bool $nullable = false;

    private string $key = '';

    public function __construct(private readonly string $name, private readonly string $type)
    {
    }

    public function nullable(): self
    {
        $this->nullable = true;
        return $this;
    }

    public function primary(): self
    {
        $this->key = ' PRIMARY KEY';
        return $this;
    }

    public function unique(): self
    {
        $this->key = ' UNIQUE';
        return $this;
    }

    public function sql(): string
    {
        return '"' . $this->name . '" ' . $this->type . ($this->nullable ? '' : ' NOT NULL') . $this->key;
    }
}
