import type { IncomingMessage } from "node:http";
export declare const PEER_ADDRESS_HEADER: "x-lumbung-peer";
export declare function stampPeerAddress(req: IncomingMessage): void;
