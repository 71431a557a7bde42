/**
 * Design the keys of a single DynamoDB-style table for customers, orders and order lines, and one
 * Query per access pattern. See the instructions for the table's exact behaviour.
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

export function keysFor(entity: Entity): Keys {
  throw new Error("Not implemented");
}

export const accessPatterns: AccessPatterns = {
  customerById(customerId) {
    throw new Error("Not implemented");
  },
  customerByEmail(email) {
    throw new Error("Not implemented");
  },
  orderWithLines(orderId) {
    throw new Error("Not implemented");
  },
  ordersOfCustomer(customerId) {
    throw new Error("Not implemented");
  },
  ordersOfCustomerPlacedBetween(customerId, from, to) {
    throw new Error("Not implemented");
  },
  ordersWithStatus(status) {
    throw new Error("Not implemented");
  },
};
