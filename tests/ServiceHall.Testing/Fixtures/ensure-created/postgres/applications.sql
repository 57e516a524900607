--
-- PostgreSQL database dump
--

\restrict xShP3GcxzZ1Ty2kptohFUTf1cLjmjJarbzE7TUWMKd2R4TfbGsHh7oPTvgXeEZR

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: audit_records_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_records_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: applications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.applications (
    "TrackingNumber" character varying(18) NOT NULL,
    "OwnerSubject" character varying(200) NOT NULL,
    "IdempotencyKey" character varying(100) NOT NULL,
    "ItemId" character varying(64) NOT NULL,
    "ItemName" character varying(200) NOT NULL,
    "Department" character varying(200) NOT NULL,
    "DepartmentCode" character varying(64) NOT NULL,
    "ApplicantName" character varying(100) NOT NULL,
    "ApplicantKind" character varying(16) NOT NULL,
    "ApplicantIdNumber" character varying(18) NOT NULL,
    "ApplicantPhone" character varying(11) NOT NULL,
    "ApplicantCreditCode" character varying(18) NOT NULL,
    "Note" character varying(2000) NOT NULL,
    "Status" character varying(32) NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL
);


--
-- Name: audit_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_records (
    sequence bigint NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    target text NOT NULL,
    result text NOT NULL,
    detail text NOT NULL,
    previous_hash text NOT NULL,
    hash text NOT NULL
);


--
-- Data for Name: applications; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.applications ("TrackingNumber", "OwnerSubject", "IdempotencyKey", "ItemId", "ItemName", "Department", "DepartmentCode", "ApplicantName", "ApplicantKind", "ApplicantIdNumber", "ApplicantPhone", "ApplicantCreditCode", "Note", "Status", "SubmittedAt") FROM stdin;
SH20261201K7M2Q9XB	demo-applicant-zhangsan	fixture-key-1	7967575142f148e1b525f30f3a62c9bc	居民身份证首次申领	县公安局	11331122025900371F	张三	person	11010519491231002X	13800138000		fixture	submitted	2026-12-01 02:30:00+00
\.


--
-- Data for Name: audit_records; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_records (sequence, at, actor, action, target, result, detail, previous_hash, hash) FROM stdin;
1	2026-12-01T02:30:00.0000000Z	user:zhangsan	SubmitApplication	application:SH20261201K7M2Q9XB	ok		0000000000000000000000000000000000000000000000000000000000000000	3f26bea332a9b81dcf48623ac79de42ad6747588028b381484ec059b71e8036d
\.


--
-- Name: applications PK_applications; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.applications
    ADD CONSTRAINT "PK_applications" PRIMARY KEY ("TrackingNumber");


--
-- Name: audit_records audit_records_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_records
    ADD CONSTRAINT audit_records_pkey PRIMARY KEY (sequence);


--
-- Name: IX_applications_DepartmentCode; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_applications_DepartmentCode" ON public.applications USING btree ("DepartmentCode");


--
-- Name: IX_applications_OwnerSubject_IdempotencyKey; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_applications_OwnerSubject_IdempotencyKey" ON public.applications USING btree ("OwnerSubject", "IdempotencyKey");


--
-- Name: IX_applications_OwnerSubject_SubmittedAt; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_applications_OwnerSubject_SubmittedAt" ON public.applications USING btree ("OwnerSubject", "SubmittedAt");


--
-- Name: audit_records audit_records_no_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_records_no_change BEFORE DELETE OR UPDATE ON public.audit_records FOR EACH ROW EXECUTE FUNCTION public.audit_records_append_only();


--
-- Name: audit_records audit_records_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON public.audit_records FOR EACH STATEMENT EXECUTE FUNCTION public.audit_records_append_only();


--
-- PostgreSQL database dump complete
--

\unrestrict xShP3GcxzZ1Ty2kptohFUTf1cLjmjJarbzE7TUWMKd2R4TfbGsHh7oPTvgXeEZR

