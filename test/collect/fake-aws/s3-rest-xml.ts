/**
 * S3 over REST-XML, path-style (https://ENDPOINT/BUCKET?SUBRESOURCE), the
 * read calls the collector makes:
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html (max-buckets,
 * continuation-token, bucket-region), GetBucketPolicy (the policy as the body),
 * GetPublicAccessBlock, GetBucketOwnershipControls, GetBucketAcl, GetBucketTagging;
 * errors as <Error><Code/><Message/></Error>
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
 */
import type { ServerResponse } from 'node:http';
import type { FakeBucket, FakeResources } from './resources-world.ts';
import { AwsError, escapeXml, page } from './wire.ts';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const SUBRESOURCES: Record<string, string> = {
  policy: 'GetBucketPolicy',
  publicAccessBlock: 'GetPublicAccessBlock',
  ownershipControls: 'GetBucketOwnershipControls',
  acl: 'GetBucketAcl',
  tagging: 'GetBucketTagging',
  location: 'GetBucketLocation',
};

/** The operation a request names: ListBuckets at the root, a bucket's sub-resource otherwise. */
export function s3Operation(method: string, url: URL): { action: string; bucket?: string } {
  const bucket = decodeURIComponent(url.pathname.split('/')[1] ?? '');
  if (method !== 'GET') return { action: `${method} (not read-only)` };
  if (bucket === '') return { action: 'ListBuckets' };
  const sub = Object.keys(SUBRESOURCES).find((k) => url.searchParams.has(k));
  return { action: sub === undefined ? 'GetObjectOrListObjects' : (SUBRESOURCES[sub] ?? ''), bucket };
}

const el = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;

function xml(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

export function sendS3Error(res: ServerResponse, error: AwsError): void {
  res.writeHead(error.status, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${el('Code', error.code)}${el('Message', error.message)}<RequestId>4442587FB7D0A2F9</RequestId></Error>`,
  );
}

export function s3Answer(
  res: ServerResponse,
  op: { action: string; bucket?: string },
  url: URL,
  resources: FakeResources,
  defaultPageSize: number,
): void {
  if (op.action === 'ListBuckets') {
    const region = url.searchParams.get('bucket-region');
    const all = resources.buckets.filter((b) => region === null || b.region === region);
    const size = Math.min(Number(url.searchParams.get('max-buckets') ?? 10_000), defaultPageSize);
    const p = page(all, url.searchParams.get('continuation-token'), size);
    const buckets = p.items
      .map(
        (b) =>
          `<Bucket>${el('Name', b.name)}<CreationDate>2026-01-05T10:00:00.000Z</CreationDate>${el('BucketRegion', b.region)}</Bucket>`,
      )
      .join('');
    return xml(
      res,
      `<ListAllMyBucketsResult xmlns="${NS}"><Buckets>${buckets}</Buckets><Owner><ID>owner</ID></Owner>${el('ContinuationToken', p.next)}</ListAllMyBucketsResult>`,
    );
  }
  const bucket = resources.buckets.find((b) => b.name === op.bucket);
  if (!bucket) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  switch (op.action) {
    case 'GetBucketPolicy':
      if (!bucket.policy) throw new AwsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(bucket.policy));
    case 'GetPublicAccessBlock': {
      const pab = bucket.publicAccessBlock;
      if (!pab)
        throw new AwsError(
          'NoSuchPublicAccessBlockConfiguration',
          'The public access block configuration was not found',
          404,
        );
      const flags = Object.entries(pab)
        .map(([k, v]) => el(k, String(v)))
        .join('');
      return xml(
        res,
        `<PublicAccessBlockConfiguration xmlns="${NS}">${flags}</PublicAccessBlockConfiguration>`,
      );
    }
    case 'GetBucketOwnershipControls':
      if (!bucket.ownership)
        throw new AwsError(
          'OwnershipControlsNotFoundError',
          'The bucket ownership controls were not found',
          404,
        );
      return xml(
        res,
        `<OwnershipControls xmlns="${NS}"><Rule>${el('ObjectOwnership', bucket.ownership)}</Rule></OwnershipControls>`,
      );
    case 'GetBucketAcl':
      return xml(res, aclXml(bucket));
    case 'GetBucketTagging': {
      if (!bucket.tags) throw new AwsError('NoSuchTagSet', 'The TagSet does not exist', 404);
      const tags = Object.entries(bucket.tags).map(([k, v]) => `<Tag>${el('Key', k)}${el('Value', v)}</Tag>`);
      return xml(res, `<Tagging xmlns="${NS}"><TagSet>${tags.join('')}</TagSet></Tagging>`);
    }
    default:
      throw new AwsError('NotImplemented', `${op.action} is not served by this endpoint`, 501);
  }
}

function aclXml(bucket: FakeBucket): string {
  const grants = bucket.acl.Grants.map(
    (g) =>
      `<Grant><Grantee xmlns:xsi="${XSI}" xsi:type="${g.Grantee.Type}">${el('ID', g.Grantee.ID)}${el('URI', g.Grantee.URI)}</Grantee>${el('Permission', g.Permission)}</Grant>`,
  );
  return `<AccessControlPolicy xmlns="${NS}"><Owner>${el('ID', bucket.acl.Owner.ID)}${el('DisplayName', bucket.acl.Owner.DisplayName)}</Owner><AccessControlList>${grants.join('')}</AccessControlList></AccessControlPolicy>`;
}
