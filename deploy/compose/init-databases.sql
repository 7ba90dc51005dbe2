-- Runs once, when the PostgreSQL container initialises an empty data volume
-- (/docker-entrypoint-initdb.d, as the postgres superuser).
-- Each service owns its database; its Flyway migrations create the schema at start-up.
-- On a managed PostgreSQL, run the same statements with a real password.

CREATE ROLE passerelle WITH LOGIN PASSWORD 'passerelle';

-- Owning the database makes passerelle the owner of its public schema (pg_database_owner),
-- so the migrations can create tables without further grants.
CREATE DATABASE ingestion OWNER passerelle;
CREATE DATABASE graph OWNER passerelle;
CREATE DATABASE advice OWNER passerelle;
