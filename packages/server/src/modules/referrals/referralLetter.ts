import {
  AppError,
  findReferralService,
  plainDateInZone,
  VIETNAM_TIME_ZONE,
  type FileResult,
} from '@treem/shared';
import { sql } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import {
  DOCX_TYPE,
  renderReferralLetterDocx,
  renderReferralLetterPdf,
  type ReferralLetterInput,
} from '../../documents/caseForms/index.ts';
import { childIdentity, issuingBody } from '../cases/caseDocuments.ts';
import { followsUp } from './referral.service.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';

/**
 * The referral letter for a provider without an account, with its reply slip, for whoever follows the referral up
 * (the case's worker, or the sender of an early-childhood referral) to print or edit. Printing is audited: the letter carries the child's details out of the system.
 */
export async function referralLetter(ctx: Operator, id: string, format: 'pdf' | 'docx'): Promise<FileResult> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('referral as r')
      .leftJoin('protection_case as c', (join) =>
        join.onRef('c.province_code', '=', 'r.province_code').onRef('c.id', '=', 'r.case_id'),
      )
      // The sending commune: the case's, or for an early-childhood referral the one its path names.
      .innerJoin('org_unit as o', 'o.path', 'r.org_path')
      .innerJoin('service_provider as sp', (join) =>
        join.onRef('sp.province_code', '=', 'r.province_code').onRef('sp.id', '=', 'r.provider_id'),
      )
      .innerJoin('app_user as u', 'u.id', 'r.sent_by')
      .select([
        'r.id',
        'r.service_code',
        'r.reason',
        'r.urgency',
        'r.consent_noted',
        'r.consent_note',
        'r.sent_at',
        'r.response_due_at',
        'r.province_code',
        'c.case_number',
        'o.id as commune_id',
        'r.org_path',
        'c.child_name',
        'c.child_sex',
        'c.child_address',
        'sp.name as provider_name',
        'sp.address as provider_address',
        'sp.phone as provider_phone',
        'u.full_name as sender',
      ])
      .select(sql<string | null>`coalesce(c.person_id, r.person_id)`.as('person_id'))
      .where('r.id', '=', id)
      .where(followsUp(ctx.scope.userId))
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    const sentOn = plainDateInZone(new Date(row.sent_at), VIETNAM_TIME_ZONE);
    const service = findReferralService(row.service_code);
    const input: ReferralLetterInput = {
      issuer: await issuingBody(trx, row.commune_id),
      child: await childIdentity(trx, row),
      caregivers: [],
      referral: {
        number: null,
        issuedOn: sentOn,
        to: { name: row.provider_name, address: row.provider_address, phone: row.provider_phone },
        reason: row.reason,
        servicesRequested: [service?.vi ?? row.service_code],
        urgency: row.urgency,
        consent: {
          obtained: row.consent_noted,
          givenBy: row.consent_note ? [row.consent_note] : [],
          on: row.consent_noted ? sentOn : null,
        },
        contactPerson: { fullName: row.sender, title: null, phone: null, email: null },
        replyBy: plainDateInZone(new Date(row.response_due_at), VIETNAM_TIME_ZONE),
        includeReplySlip: true,
        signer: null,
        signerCapacity: 'chair',
        attachments: [],
      },
    };
    const body =
      format === 'pdf' ? await renderReferralLetterPdf(input) : await renderReferralLetterDocx(input);
    await writeAudit(trx, ctx.actor, {
      action: 'referral.letter_printed',
      entityType: 'referral',
      entityId: id,
      orgPath: row.org_path,
      after: { format },
    });
    return {
      fileName: `Giấy chuyển gửi - ${row.case_number ?? sentOn}.${format}`,
      contentType: format === 'pdf' ? 'application/pdf' : DOCX_TYPE,
      body,
    };
  });
}
