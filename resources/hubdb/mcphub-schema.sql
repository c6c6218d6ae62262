-- MCPHub's own tables, exactly as MCPHub's TypeORM creates them (upstream b5611013, TypeORM
-- 0.3.29): the statements of a pg_dump of a real database-mode database
-- (tests/fixtures/hub-captures/db-mode/mcphub-db-schema.sql), without pg_dump's session
-- settings and the extension's comment. A hub in database mode starts on these tables and
-- leaves them byte-identical (mcphub-dbmode.md §11), so "--hub-db ... --create" runs exactly
-- this, in one transaction. Never edit it by hand: MCPHub's synchronize would alter or drop
-- whatever differs. Statements are separated by a semicolon at the end of a line.

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;

CREATE TABLE public.activities (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    "timestamp" timestamp without time zone DEFAULT now() NOT NULL,
    server character varying(255) NOT NULL,
    tool character varying(255) NOT NULL,
    duration integer NOT NULL,
    status character varying(20) NOT NULL,
    input text,
    output text,
    group_name character varying(255),
    username character varying(255),
    key_id character varying(255),
    key_name character varying(255),
    source_ip character varying(255),
    error_message text
);

CREATE TABLE public.bearer_keys (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    name character varying(100) NOT NULL,
    token character varying(512) NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    kind character varying(20) DEFAULT 'system'::character varying NOT NULL,
    owner character varying(255),
    "accessType" character varying(20) DEFAULT 'all'::character varying NOT NULL,
    "allowedGroups" text,
    "allowedServers" text,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.builtin_prompts (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    name character varying(255) NOT NULL,
    title character varying(255),
    description text,
    template text NOT NULL,
    arguments text,
    enabled boolean DEFAULT true NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.builtin_resources (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    uri character varying(1024) NOT NULL,
    name character varying(255),
    description text,
    "mimeType" character varying(255),
    content text NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.groups (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    name character varying(255) NOT NULL,
    description text,
    servers text NOT NULL,
    owner character varying(255),
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.oauth_clients (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    client_id character varying(255) NOT NULL,
    client_secret character varying(255),
    name character varying(255) NOT NULL,
    redirect_uris text NOT NULL,
    grants text NOT NULL,
    scopes text,
    owner character varying(255),
    metadata text,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.oauth_tokens (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    access_token character varying(512) NOT NULL,
    access_token_expires_at timestamp without time zone NOT NULL,
    refresh_token character varying(512),
    refresh_token_expires_at timestamp without time zone,
    scope character varying(512),
    client_id character varying(255) NOT NULL,
    username character varying(255) NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.servers (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    name character varying(255) NOT NULL,
    type character varying(50),
    description text,
    url text,
    command character varying(500),
    args text,
    env text,
    headers text,
    enabled boolean DEFAULT true NOT NULL,
    owner character varying(255),
    visibility character varying(16) DEFAULT 'private'::character varying NOT NULL,
    "enableKeepAlive" boolean DEFAULT false NOT NULL,
    "keepAliveInterval" integer,
    tools text,
    prompts text,
    resources text,
    options text,
    oauth text,
    proxy text,
    openapi text,
    "passthroughHeaders" text,
    "perSessionClient" boolean,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.system_config (
    id character varying(50) DEFAULT 'default'::character varying NOT NULL,
    routing text,
    install text,
    "smartRouting" text,
    "toolResultCompression" text,
    "mcpRouter" text,
    "nameSeparator" character varying(10),
    oauth text,
    "oauthServer" text,
    auth text,
    "enableSessionRebuild" boolean,
    discovery text,
    "activityLog" text,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.user_configs (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    username character varying(255) NOT NULL,
    routing text,
    "additionalConfig" text,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.users (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    username character varying(255) NOT NULL,
    password character varying(255) NOT NULL,
    "isAdmin" boolean DEFAULT false NOT NULL,
    email character varying(255),
    sso_user_id character varying(255),
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.bearer_keys
    ADD CONSTRAINT "PK_4fc5b669d62cd68879689f26f5e" PRIMARY KEY (id);

ALTER TABLE ONLY public.groups
    ADD CONSTRAINT "PK_659d1483316afb28afd3a90646e" PRIMARY KEY (id);

ALTER TABLE ONLY public.builtin_resources
    ADD CONSTRAINT "PK_6e041860285c7bdbeffe1a40ee7" PRIMARY KEY (id);

ALTER TABLE ONLY public.oauth_tokens
    ADD CONSTRAINT "PK_71c8b8060826696206f973554fd" PRIMARY KEY (id);

ALTER TABLE ONLY public.builtin_prompts
    ADD CONSTRAINT "PK_7b9d38bf4d369f70145848ce357" PRIMARY KEY (id);

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT "PK_7f4004429f731ffb9c88eb486a8" PRIMARY KEY (id);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY (id);

ALTER TABLE ONLY public.servers
    ADD CONSTRAINT "PK_c0947efd9f3db2dcc010164d20b" PRIMARY KEY (id);

ALTER TABLE ONLY public.oauth_clients
    ADD CONSTRAINT "PK_c4759172d3431bae6f04e678e0d" PRIMARY KEY (id);

ALTER TABLE ONLY public.system_config
    ADD CONSTRAINT "PK_db4e70ac0d27e588176e9bb44a0" PRIMARY KEY (id);

ALTER TABLE ONLY public.user_configs
    ADD CONSTRAINT "PK_fc11c8861af6469fbd8920e9f80" PRIMARY KEY (id);

ALTER TABLE ONLY public.builtin_resources
    ADD CONSTRAINT "UQ_029a7cb386b8377d2d9f980bd10" UNIQUE (uri);

ALTER TABLE ONLY public.builtin_prompts
    ADD CONSTRAINT "UQ_4a76ce8c503fb9dee381ec6b482" UNIQUE (name);

ALTER TABLE ONLY public.servers
    ADD CONSTRAINT "UQ_555671bf0b4b7ec59c9985532e1" UNIQUE (name);

ALTER TABLE ONLY public.oauth_tokens
    ADD CONSTRAINT "UQ_55f18d8b5f4fc49d5bad5f97c10" UNIQUE (refresh_token);

ALTER TABLE ONLY public.user_configs
    ADD CONSTRAINT "UQ_80431dc5acf2cd3688db2bd4335" UNIQUE (username);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE (email);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT "UQ_bde2425e2a76c4d55596e8d3d6e" UNIQUE (sso_user_id);

ALTER TABLE ONLY public.oauth_clients
    ADD CONSTRAINT "UQ_c5c4af500cc8bfc05500fff7f90" UNIQUE (client_id);

ALTER TABLE ONLY public.oauth_tokens
    ADD CONSTRAINT "UQ_fa26928ba3302488360ac9e1145" UNIQUE (access_token);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE (username);

CREATE INDEX "IDX_146a66975e0a017af25c63c665" ON public.activities USING btree (status);

CREATE INDEX "IDX_25b4964d8947c355467eae309f" ON public.activities USING btree (server);

CREATE INDEX "IDX_2d5897cd739ffd646aa2520ed0" ON public.activities USING btree (group_name);

CREATE INDEX "IDX_45301ef14556213ea6f7f368d8" ON public.activities USING btree (username);

CREATE INDEX "IDX_474fcf501550076b751c8e445d" ON public.activities USING btree (key_id);

CREATE INDEX "IDX_55f18d8b5f4fc49d5bad5f97c1" ON public.oauth_tokens USING btree (refresh_token);

CREATE INDEX "IDX_9001cd379d53da60d57f5231d0" ON public.activities USING btree ("timestamp");

CREATE INDEX "IDX_a422a88cc65612babbfdf551e7" ON public.activities USING btree (tool);

CREATE INDEX "IDX_b9958b19ac9294dd6dd55d03a0" ON public.oauth_tokens USING btree (username);

CREATE INDEX "IDX_be15e1038f434b11598ed586fe" ON public.oauth_tokens USING btree (client_id);

CREATE INDEX "IDX_fa26928ba3302488360ac9e114" ON public.oauth_tokens USING btree (access_token);

