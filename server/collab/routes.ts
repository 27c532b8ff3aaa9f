import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { ADMIN, ARCHIVED_WORDS, can, nameText, proposalIdSchema, TEXT_RULES, VIEWER } from '../../shared';
import type { TokenService } from '../auth/tokens';
import { authenticate } from '../http/auth';
import { sendError } from '../http/errors';
import { idParam } from '../http/params';
import type { HttpReadBudget } from '../http/readBudget';
import type { MeetingService } from '../meeting/service';
import { findProposal, identify, type ProposalRef } from './access';
import type { CollabServer } from './server';
import { DEFAULT_VERSION_LIMITS, type VersionLimits, VersionQuota } from './versionQuota';

export interface CollabRouterDeps {
  collab: CollabServer;
  service: MeetingService;
  tokens: TokenService;
  /** Version quotas and save rate (default DEFAULT_VERSION_LIMITS; tests lower them). */
  versionLimits?: Partial<VersionLimits>;
  /** Bytes of version reads per participant and per meeting (shared with the meeting reads). */
  reads: HttpReadBudget;
}

const saveVersionSchema = z.object({ name: nameText(100) });

/**
 * Named versions of proposal texts, mounted under /api (docs/collab.md):
 * `GET /proposals/:id/versions`, `POST /proposals/:id/versions` `{name}`,
 * `GET /proposals/:id/versions/:versionId` → `{version, state}` (state: base64 Yjs update).
 * Reading takes any token of the proposal's meeting (or the admin token); saving takes a participant
 * the permission table lets save (`proposal.saveVersion`: not an observer, the projector or the
 * admin), within the version quotas and save rate (./versionQuota.ts).
 */
export function collabRouter({ collab, service, tokens, versionLimits, reads }: CollabRouterDeps): Router {
  const router = express.Router();
  const auth = authenticate(tokens, service);
  const quota = new VersionQuota(
    { ...DEFAULT_VERSION_LIMITS, ...versionLimits },
    { list: (proposalId) => collab.listVersions(proposalId) },
  );

  /** The proposal, if the caller may read it; otherwise answers the error and returns null. */
  const readable = (req: Request, res: Response): ProposalRef | null => {
    const proposalId = idParam(proposalIdSchema, req.params.id);
    const found = proposalId && findProposal(service, proposalId);
    if (!found) {
      sendError(res, 'not_found', 'no such proposal');
      return null;
    }
    const caller = req.caller!;
    if (caller.kind === 'participant' && caller.claims.meetingId !== found.meetingId) {
      sendError(res, 'forbidden', 'this token belongs to another meeting');
      return null;
    }
    return found;
  };

  router.get('/proposals/:id/versions', auth, async (req: Request, res: Response) => {
    const found = readable(req, res);
    if (!found || reads.refused(res, req.caller!, found.meetingId)) return;
    const versions = await collab.listVersions(found.proposal.id);
    reads.send(res, req.caller!, found.meetingId, { versions });
  });

  router.get('/proposals/:id/versions/:versionId', auth, async (req: Request, res: Response) => {
    const found = readable(req, res);
    // A version is a whole text (up to 4 MiB, more in base64): asked before it is even loaded.
    if (!found || reads.refused(res, req.caller!, found.meetingId)) return;
    const versionId = String(req.params.versionId);
    const versions = await collab.listVersions(found.proposal.id);
    const version = versions.find((v) => v.id === versionId);
    const state = version ? await collab.loadVersion(found.proposal.id, versionId) : null;
    if (!version || !state) return sendError(res, 'not_found', 'no such version');
    reads.send(res, req.caller!, found.meetingId, { version, state: Buffer.from(state).toString('base64') });
  });

  router.post(
    '/proposals/:id/versions',
    express.json({ limit: '4kb' }),
    auth,
    async (req: Request, res: Response) => {
      const found = readable(req, res);
      if (!found) return;
      const caller = req.caller!;
      const meeting = service.room(found.meetingId)!.state;
      const identity = caller.kind === 'participant' ? identify(meeting, caller.claims) : null;
      // A token naming nobody in the meeting can do no more than the projector.
      const actor =
        caller.kind === 'admin' ? ADMIN : identity?.kind === 'participant' ? identity.participant : VIEWER;
      // A chair's summary's versions are its writers' (`summary.editText`), as its text is.
      const summary = found.proposal.kind === 'chair-summary';
      if (actor.id === null || !can(meeting, actor, TEXT_RULES[found.proposal.kind].saveVersion)) {
        return sendError(
          res,
          'forbidden',
          summary
            ? "only the chair, the vice-chairs and the secretariat save versions of the chair's summary"
            : 'only participants who may save versions (not observers)',
        );
      }
      if (meeting.archived) return sendError(res, 'conflict', ARCHIVED_WORDS);
      const author = actor.id;
      const body = saveVersionSchema.safeParse(req.body ?? {});
      if (!body.success) {
        return sendError(
          res,
          'invalid',
          body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      }
      const saved = await quota.run(
        author,
        found.proposal.id,
        meeting.proposals.map((p) => p.id),
        () => collab.saveVersion(found.proposal.id, body.data.name, author),
      );
      if (!saved.ok) return sendError(res, 'rate_limited', saved.message);
      res.status(201).json({ version: saved.value });
    },
  );

  return router;
}
