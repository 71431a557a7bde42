/**
 * DynamoDB single-table design for customers, orders and order lines.
 *
 * Base table  PK                 SK                              what lives there
 *             CUSTOMER#<id>      PROFILE                         the customer
 *             ORDER#<orderId>    ORDER#<orderId>                 the order (sorts first: a prefix of its lines' keys)
 *             ORDER#<orderId>    ORDER#<orderId>#LINE#<0001>     its lines, zero-padded so they sort numerically
 * GSI1        EMAIL#<lowercased> CUSTOMER                        customer by email (overloaded with the next row)
 *             CUSTOMER#<id>      ORDER#<placedAt>#<orderId>      a customer's orders by time
 * GSI2        STATUS#<status>    <placedAt>#<orderId>            orders by status, oldest first
 *
 * Base keys use only identities (ids, placedAt never changes), so re-putting an entity after a change
 * replaces its item, and the GSI entries (which may use email or status) move with it.
 */
export type OrderStatus = "PLACED" | "SHIPPED" | "DELIVERED" | "CANCELLED";

export interface Customer {
  type: "customer";
  customerId: string;
  name: string;
  email: string;
}

export interface Order {
  type: "order";
  orderId: string;
  customerId: string;
  status: OrderStatus;
  placedAt: string;
  total: number;
}

export interface OrderLine {
  type: "line";
  orderId: string;
  lineNo: number;
  productId: string;
  quantity: number;
  price: number;
}

export type Entity = Customer | Order | OrderLine;

export interface Keys {
  PK: string;
  SK: string;
  GSI1PK?: string;
  GSI1SK?: string;
  GSI2PK?: string;
  GSI2SK?: string;
}

export type SortKeyCondition =
  | { op: "=" | "<" | "<=" | ">" | ">="; value: string }
  | { op: "between"; low: string; high: string }
  | { op: "begins_with"; prefix: string };

export interface Query {
  index?: "GSI1" | "GSI2";
  pk: string;
  sk?: SortKeyCondition;
  scanIndexForward?: boolean;
}

export interface AccessPatterns {
  customerById(customerId: string): Query;
  customerByEmail(email: string): Query;
  orderWithLines(orderId: string): Query;
  ordersOfCustomer(customerId: string): Query;
  ordersOfCustomerPlacedBetween(customerId: string, from: string, to: string): Query;
  ordersWithStatus(status: OrderStatus): Query;
}

const customerPk = (customerId: string) => `CUSTOMER#${customerId}`;
const orderPk = (orderId: string) => `ORDER#${orderId}`;
const emailPk = (email: string) => `EMAIL#${email.toLowerCase()}`;
// Line numbers go up to 9999: four digits make string order equal numeric order.
const lineSk = (orderId: string, lineNo: number) => `${orderPk(orderId)}#LINE#${String(lineNo).padStart(4, "0")}`;
// placedAt has a fixed width, so the orderId after it only breaks ties between equal timestamps.
const timeSk = (placedAt: string, orderId: string) => `${placedAt}#${orderId}`;

export function keysFor(entity: Entity): Keys {
  switch (entity.type) {
    case "customer":
      return {
        PK: customerPk(entity.customerId),
        SK: "PROFILE",
        GSI1PK: emailPk(entity.email),
        GSI1SK: "CUSTOMER",
      };
    case "order":
      return {
        PK: orderPk(entity.orderId),
        SK: orderPk(entity.orderId),
        GSI1PK: customerPk(entity.customerId),
        GSI1SK: `ORDER#${timeSk(entity.placedAt, entity.orderId)}`,
        GSI2PK: `STATUS#${entity.status}`,
        GSI2SK: timeSk(entity.placedAt, entity.orderId),
      };
    case "line":
      return { PK: orderPk(entity.orderId), SK: lineSk(entity.orderId, entity.lineNo) };
  }
}

export const accessPatterns: AccessPatterns = {
  customerById: (customerId) => ({ pk: customerPk(customerId), sk: { op: "=", value: "PROFILE" } }),
  customerByEmail: (email) => ({ index: "GSI1", pk: emailPk(email) }),
  // The whole partition: the order (a prefix of every line key, so first) and then its lines.
  orderWithLines: (orderId) => ({ pk: orderPk(orderId) }),
  ordersOfCustomer: (customerId) => ({
    index: "GSI1",
    pk: customerPk(customerId),
    sk: { op: "begins_with", prefix: "ORDER#" },
    scanIndexForward: false,
  }),
  // "$" sorts right after "#": every key of an order placed exactly at `to` is below the upper bound.
  ordersOfCustomerPlacedBetween: (customerId, from, to) => ({
    index: "GSI1",
    pk: customerPk(customerId),
    sk: { op: "between", low: `ORDER#${from}`, high: `ORDER#${to}` },
  }),
  ordersWithStatus: (status) => ({ index: "GSI2", pk: `STATUS#${status}` }),
};
