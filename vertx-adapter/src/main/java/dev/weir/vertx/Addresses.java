package dev.weir.vertx;

/**
 * The event-bus addresses of one served store: {@code <prefix>.<store>.<operation>}, e.g.
 * {@code weir.users.get}. The operation names are the protocol: DO NOT CHANGE them.
 */
final class Addresses {

  // plain operations: request, reply
  static final String GET = "get";
  static final String GET_ENTRY = "getEntry";
  static final String PUT = "put";
  static final String DELETE = "delete";
  static final String DELETE_IF = "deleteIf";
  static final String DELETE_PREFIX = "deletePrefix";
  static final String WRITE = "write";
  static final String STATS = "stats";
  static final String COMPACT = "compact";
  // leased resources: snapshots and transactions
  static final String SNAPSHOT = "snapshot";
  static final String SNAPSHOT_GET = "snapshot.get";
  static final String SNAPSHOT_GET_ENTRY = "snapshot.getEntry";
  static final String SNAPSHOT_CLOSE = "snapshot.close";
  static final String BEGIN = "tx.begin";
  static final String TX_GET = "tx.get";
  static final String TX_PUT = "tx.put";
  static final String TX_DELETE = "tx.delete";
  static final String TX_DELETE_PREFIX = "tx.deletePrefix";
  static final String TX_LOG = "tx.log";
  static final String TX_NESTED = "tx.nested";
  static final String TX_COMMIT = "tx.commit";
  static final String TX_ROLLBACK = "tx.rollback";
  // streams: opened by request, then frames to the client's inbox under credit
  static final String SCAN = "scan";
  static final String HISTORY = "history";
  static final String WATCH = "watch";
  static final String WATCH_FROM = "watchFrom";
  static final String CREDIT = "stream.credit";
  static final String CANCEL = "stream.cancel";
  // objects: request, reply
  static final String OBJ_CREATE_BUCKET = "object.createBucket";
  static final String OBJ_DELETE_BUCKET = "object.deleteBucket";
  static final String OBJ_FEATURES = "object.features";
  static final String OBJ_EXPIRE_UPLOADS = "object.expireUploads";
  static final String OBJ_HEAD = "object.head";
  static final String OBJ_DELETE = "object.delete";
  static final String OBJ_LIST = "object.list";
  static final String OBJ_COPY = "object.copy";
  static final String OBJ_MOVE = "object.move";
  static final String OBJ_MOVE_PREFIX = "object.movePrefix";
  static final String OBJ_DELETE_PREFIX = "object.deletePrefix";
  static final String OBJ_BUCKET_STATS = "object.bucketStats";
  static final String OBJ_START_UPLOAD = "object.startUpload";
  static final String OBJ_COMPLETE_UPLOAD = "object.completeUpload";
  static final String OBJ_ABORT_UPLOAD = "object.abortUpload";
  // objects: streams to the client, under the same credit, cancel and lease as scans
  static final String OBJ_LIST_BUCKETS = "object.listBuckets";
  static final String OBJ_STATS = "object.stats";
  static final String OBJ_READ = "object.read";
  static final String OBJ_OBJECTS = "object.objects";
  static final String OBJ_LIST_PARTS = "object.listParts";
  static final String OBJ_LIST_UPLOADS = "object.listUploads";
  // objects: content from the client, opened by request, then chunks; cancelled as streams
  static final String OBJ_PUT = "object.put";
  static final String OBJ_UPLOAD_PART = "object.uploadPart";
  static final String OBJ_CHUNK = "object.chunk";
  // tables: request, reply
  static final String TABLE_CREATE = "table.create";
  static final String TABLE_DESCRIBE = "table.describe";
  static final String TABLE_SCHEMA = "table.schema";
  static final String TABLE_DELETE = "table.delete";
  static final String TABLE_SWEEP = "table.sweepExpired";
  static final String TABLE_PUT = "table.putItem";
  static final String TABLE_UPDATE = "table.updateItem";
  static final String TABLE_DELETE_ITEM = "table.deleteItem";
  static final String TABLE_GET = "table.getItem";
  static final String TABLE_QUERY_PAGE = "table.queryPage";
  static final String TABLE_SCAN_PAGE = "table.scanPage";
  static final String TABLE_BATCH_WRITE = "table.batchWrite";
  static final String TABLE_BATCH_GET = "table.batchGet";
  static final String TABLE_TRANSACT_WRITE = "table.transactWrite";
  static final String TABLE_TRANSACT_GET = "table.transactGet";
  static final String TABLE_EXECUTE = "table.execute";
  // tables: streams to the client, under the same credit, cancel and lease as scans
  static final String TABLE_LIST = "table.list";
  static final String TABLE_QUERY = "table.query";
  static final String TABLE_SCAN = "table.scan";
  static final String TABLE_STREAM = "table.stream";
  static final String TABLE_STREAM_FROM = "table.streamFrom";
  // the client's lease on everything it holds open
  static final String RENEW = "lease.renew";
  static final String RELEASE = "lease.release";

  // headers
  static final String OWNER = "owner";
  static final String STREAM = "stream";
  static final String INITIAL_CREDIT = "credit";
  static final String SNAPSHOT_ID = "snapshot";
  static final String TX_ID = "tx";
  /** On every reply: the identity of the store that answered (see {@link StoreIdentity}). */
  static final String STORE = "store";
  /** On a request: the identity of the store the client means; another refuses it. */
  static final String EXPECTED_STORE = "expected-store";

  private final String base;

  Addresses(String prefix, String store) {
    this.base = prefix + "." + store + ".";
  }

  String of(String operation) {
    return base + operation;
  }

  String inbox(String clientId) {
    return base + "client." + clientId;
  }
}
